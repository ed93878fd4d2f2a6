#include "Profiles.hpp"

#include "ProfileFiles.hpp"
#include "core/util/AtomicFile.hpp"
#include "core/util/Text.hpp"
#include "core/util/Utf8.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace quiz::core
{
namespace
{

const char* const kNameFile = "name.txt";
const char* const kDatabaseFile = "progress.sqlite";
const char* const kLastProfileFile = "last-profile.txt";
constexpr std::size_t kMaxSlugLength = 24;
constexpr int kMaxFolderAttempts = 10000;

// Counts code points, or returns npos for malformed UTF-8 (overlong forms, surrogates and
// values past U+10FFFF included), so a name always displays and round-trips.
std::size_t countUtf8(const std::string& text)
{
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++count)
    {
        const std::size_t length = validUtf8Length(text, i);
        if (length == 0)
            return std::string::npos;
        const unsigned long codePoint = decodeUtf8(text, i, length);
        // C1 controls and the line/paragraph separators break one-line display.
        if ((codePoint >= 0x80 && codePoint < 0xA0) || codePoint == 0x2028 || codePoint == 0x2029)
            return std::string::npos;
        i += length;
    }
    return count;
}

std::string makeSlug(const std::string& name)
{
    std::string slug;
    bool pendingDash = false;
    for (const char c : foldAsciiCase(name))
    {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!keep)
        {
            pendingDash = !slug.empty();
            continue;
        }
        if (pendingDash && slug.size() + 1 < kMaxSlugLength)
            slug += '-';
        pendingDash = false;
        if (slug.size() >= kMaxSlugLength)
            break;
        slug += c;
    }
    return slug.empty() ? "player" : slug;
}

// Only folders this code could have generated are ever treated as profiles (and deleted).
bool isGeneratedFolderName(const std::string& folder)
{
    if (folder.empty() || folder.size() > kMaxSlugLength + 8 || folder.front() == '-')
        return false;
    return std::all_of(folder.begin(), folder.end(),
                       [](char c)
                       { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

Profile makeProfile(const fs::path& folder, std::string name)
{
    Profile profile;
    profile.name = std::move(name);
    profile.folderName = folder.filename().string();
    profile.folderPath = folder.string();
    profile.databasePath = (folder / kDatabaseFile).string();
    return profile;
}

} // namespace

std::string resolveDefaultProfileRoot(const char* xdgDataHome, const char* home)
{
    // The XDG spec says relative values are invalid and must be ignored.
    if (xdgDataHome != nullptr && xdgDataHome[0] == '/')
        return (fs::path(xdgDataHome) / "heparin-quiz").string();
    if (home != nullptr && home[0] == '/')
        return (fs::path(home) / ".local" / "share" / "heparin-quiz").string();
    return {};
}

std::string trimProfileName(const std::string& name)
{
    const char* const spaces = " \t\r\n\v\f";
    const std::size_t first = name.find_first_not_of(spaces);
    if (first == std::string::npos)
        return {};
    const std::size_t last = name.find_last_not_of(spaces);
    return name.substr(first, last - first + 1);
}

std::string validateProfileName(const std::string& name)
{
    if (name.empty())
        return "a player name cannot be empty";
    if (trimProfileName(name) != name)
        return "a player name cannot start or end with spaces";
    for (const char c : name)
    {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F)
            return "a player name cannot contain control characters";
    }
    const std::size_t length = countUtf8(name);
    if (length == std::string::npos)
        return "a player name must be valid text (UTF-8)";
    if (length > kMaxProfileNameLength)
        return "a player name can have at most " + std::to_string(kMaxProfileNameLength) +
               " characters";
    return {};
}

std::string firstPlayerName(const std::string& accountName)
{
    const std::string name = trimProfileName(accountName);
    return validateProfileName(name).empty() ? name : "Student";
}

ProfileDirectory::ProfileDirectory(std::string root) : m_root(std::move(root))
{
}

std::string ProfileDirectory::getProfilesFolder() const
{
    return (fs::path(m_root) / "profiles").string();
}

Outcome<std::vector<Profile>> ProfileDirectory::listProfiles() const
{
    using Result = Outcome<std::vector<Profile>>;
    std::vector<Profile> profiles;
    const fs::path folder(getProfilesFolder());
    std::error_code ec;
    if (!fs::exists(folder, ec))
        return profiles;
    fs::directory_iterator it(folder, ec);
    if (ec)
        return Result::failure("cannot read the profile folder " + folder.string() + ": " +
                               ec.message());
    for (; it != fs::directory_iterator(); it.increment(ec))
    {
        if (ec)
            return Result::failure("cannot read the profile folder " + folder.string() + ": " +
                                   ec.message());
        const fs::path path = it->path();
        std::error_code typeError;
        if (!isGeneratedFolderName(path.filename().string()) || !fs::is_directory(path, typeError))
            continue;
        Outcome<std::string> name = readSmallFile((path / kNameFile).string(), 1024);
        if (!name.isOk() || !validateProfileName(name.getValue()).empty())
            continue;
        profiles.push_back(makeProfile(path, name.getValue()));
    }
    std::sort(profiles.begin(), profiles.end(),
              [](const Profile& a, const Profile& b)
              { return foldAsciiCase(a.name) < foldAsciiCase(b.name); });
    return profiles;
}

Outcome<Profile> ProfileDirectory::findProfile(const std::string& name) const
{
    Outcome<std::vector<Profile>> profiles = listProfiles();
    if (!profiles.isOk())
        return Outcome<Profile>::failure(profiles.getMessage());
    const std::string wanted = foldAsciiCase(trimProfileName(name));
    for (const Profile& profile : profiles.getValue())
    {
        if (foldAsciiCase(profile.name) == wanted)
            return profile;
    }
    std::string message = "no player named '" + trimProfileName(name) + "' in " + m_root;
    if (profiles.getValue().empty())
        return Outcome<Profile>::failure(message + " (there are no players yet)");
    message += " (players:";
    for (const Profile& profile : profiles.getValue())
        message += " '" + profile.name + "'";
    return Outcome<Profile>::failure(message + ")");
}

Outcome<Profile> ProfileDirectory::createProfile(const std::string& rawName)
{
    using Result = Outcome<Profile>;
    const std::string name = trimProfileName(rawName);
    const std::string problem = validateProfileName(name);
    if (!problem.empty())
        return Result::failure(problem);
    if (findProfile(name).isOk())
        return Result::failure("a player named '" + name + "' already exists");
    const fs::path folder(getProfilesFolder());
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec)
        return Result::failure("cannot create the profile folder " + folder.string() + ": " +
                               ec.message());
    const std::string slug = makeSlug(name);
    for (int attempt = 1; attempt <= kMaxFolderAttempts; ++attempt)
    {
        const std::string folderName = attempt == 1 ? slug : slug + "-" + std::to_string(attempt);
        const fs::path path = folder / folderName;
        // create_directory is atomic: false means another profile (or process) has it.
        if (!fs::create_directory(path, ec))
        {
            if (ec)
                return Result::failure("cannot create " + path.string() + ": " + ec.message());
            continue;
        }
        const std::string failure = writeFileAtomically((path / kNameFile).string(), name);
        if (!failure.empty())
        {
            fs::remove_all(path, ec);
            return Result::failure(failure);
        }
        return makeProfile(path, name);
    }
    return Result::failure("too many profiles named like '" + name + "'");
}

Status ProfileDirectory::renameProfile(const std::string& oldName, const std::string& rawNewName)
{
    Outcome<Profile> profile = findProfile(oldName);
    if (!profile.isOk())
        return Status::failure(profile.getMessage());
    const std::string newName = trimProfileName(rawNewName);
    const std::string problem = validateProfileName(newName);
    if (!problem.empty())
        return Status::failure(problem);
    Outcome<Profile> clash = findProfile(newName);
    if (clash.isOk() && clash.getValue().folderName != profile.getValue().folderName)
        return Status::failure("a player named '" + newName + "' already exists");
    const std::string failure = writeFileAtomically(
        (fs::path(profile.getValue().folderPath) / kNameFile).string(), newName);
    return failure.empty() ? Status::success() : Status::failure(failure);
}

Status ProfileDirectory::deleteProfile(const std::string& name)
{
    Outcome<Profile> profile = findProfile(name);
    if (!profile.isOk())
        return Status::failure(profile.getMessage());
    const fs::path path(profile.getValue().folderPath);
    std::error_code ec;
    // Remove the name first: if removing the rest fails half way, the profile is gone from the
    // list instead of showing up with half its history.
    fs::remove(path / kNameFile, ec);
    if (ec)
        return Status::failure("cannot delete player '" + profile.getValue().name +
                               "': " + ec.message());
    fs::remove_all(path, ec);
    if (ec)
        return Status::failure("player '" + profile.getValue().name +
                               "' was removed from the list, but some files remain in " +
                               path.string() + ": " + ec.message());
    return Status::success();
}

Status ProfileDirectory::setLastProfile(const std::string& name)
{
    Outcome<Profile> profile = findProfile(name);
    if (!profile.isOk())
        return Status::failure(profile.getMessage());
    const std::string failure = writeFileAtomically((fs::path(m_root) / kLastProfileFile).string(),
                                                    profile.getValue().folderName);
    return failure.empty() ? Status::success() : Status::failure(failure);
}

Outcome<Profile> ProfileDirectory::getLastProfile() const
{
    Outcome<std::string> folder =
        readSmallFile((fs::path(m_root) / kLastProfileFile).string(), 256);
    if (!folder.isOk())
        return Outcome<Profile>::failure("no profile was picked before");
    Outcome<std::vector<Profile>> profiles = listProfiles();
    if (!profiles.isOk())
        return Outcome<Profile>::failure(profiles.getMessage());
    for (const Profile& profile : profiles.getValue())
    {
        if (profile.folderName == folder.getValue())
            return profile;
    }
    return Outcome<Profile>::failure("the profile picked last no longer exists");
}

} // namespace quiz::core
