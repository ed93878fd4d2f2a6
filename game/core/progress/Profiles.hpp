#pragma once

#include "core/util/Outcome.hpp"

#include <string>
#include <vector>

namespace quiz::core
{

/// Longest player name, in characters (UTF-8 code points).
inline constexpr std::size_t kMaxProfileNameLength = 40;

/// One player's profile: the name they chose and where their progress lives.
struct Profile
{
    std::string name;         ///< as the player typed it (trimmed), shown in the UI
    std::string folderName;   ///< generated, safe: [a-z0-9-] only, never taken verbatim
    std::string folderPath;   ///< absolute or as given: <root>/profiles/<folderName>
    std::string databasePath; ///< <folderPath>/progress.sqlite
};

/// The default profile root following the XDG base directory rules:
/// `$XDG_DATA_HOME/heparin-quiz` when XDG_DATA_HOME is an absolute path, else
/// `$HOME/.local/share/heparin-quiz`; "" when neither is usable. The environment values are
/// passed in (null when unset), so the app edge reads the environment and the core does not.
[[nodiscard]] std::string resolveDefaultProfileRoot(const char* xdgDataHome, const char* home);

/// Why `name` cannot be a player name, or "" when it can. A name is 1 to
/// kMaxProfileNameLength characters of valid UTF-8 with no control characters, and no leading
/// or trailing spaces (callers trim what the player typed first).
[[nodiscard]] std::string validateProfileName(const std::string& name);

/// Removes leading and trailing ASCII whitespace.
[[nodiscard]] std::string trimProfileName(const std::string& name);

/// The name given to the player made on a first start: the computer account's name (read at
/// the app edge and passed in), trimmed, when it is a valid player name, else "Student".
[[nodiscard]] std::string firstPlayerName(const std::string& accountName);

/// The profiles kept under one root folder (`--profile-dir`). Layout:
/// `<root>/profiles/<folder>/name.txt` (the player's name, written atomically) and
/// `<root>/profiles/<folder>/progress.sqlite` (see ProgressStore). Folder names are generated
/// from a lowercase ASCII slug of the name plus a number when taken, so a name can never
/// become a path. Names are unique ignoring ASCII case, and lookups ignore ASCII case.
/// Every operation reports failure as a value with a message.
class ProfileDirectory
{
public:
    explicit ProfileDirectory(std::string root);

    [[nodiscard]] const std::string& getRoot() const { return m_root; }

    /// All profiles sorted by name (ASCII case folded). A missing root is an empty list;
    /// folders without a readable, valid name file are skipped.
    [[nodiscard]] Outcome<std::vector<Profile>> listProfiles() const;
    /// The profile with this name (ASCII case ignored), or a failure naming the player.
    [[nodiscard]] Outcome<Profile> findProfile(const std::string& name) const;
    /// Trims and validates the name, refuses a duplicate, creates the folder (and the root).
    /// The database is created when the profile is first opened with ProgressStore::open.
    [[nodiscard]] Outcome<Profile> createProfile(const std::string& name);
    /// Changes the shown name; the folder and the history stay where they are.
    [[nodiscard]] Status renameProfile(const std::string& oldName, const std::string& newName);
    /// Deletes the profile's folder with all its history. The UI asks for confirmation first.
    [[nodiscard]] Status deleteProfile(const std::string& name);

    /// Remembers the profile picked last (`<root>/last-profile.txt`, its folder name), so the
    /// title screen can preselect it.
    [[nodiscard]] Status setLastProfile(const std::string& name);
    /// The profile picked last, or a failure when none was remembered or it is gone.
    [[nodiscard]] Outcome<Profile> getLastProfile() const;

private:
    [[nodiscard]] std::string getProfilesFolder() const;

    std::string m_root;
};

} // namespace quiz::core
