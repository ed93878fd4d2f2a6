#include "Nickname.hpp"

#include "core/util/Utf8.hpp"

#include <memory>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uspoof.h>

namespace quiz::core
{
namespace
{

bool isAllowed(UChar32 c)
{
    if (c == 0x20)
        return true;
    if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) ||
        u_hasBinaryProperty(c, UCHAR_BIDI_CONTROL))
        return false;
    switch (u_charType(c))
    {
    case U_CONTROL_CHAR:
    case U_FORMAT_CHAR:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
    case U_SPACE_SEPARATOR:
    case U_PRIVATE_USE_CHAR:
    case U_SURROGATE:
    case U_UNASSIGNED:
        return false;
    default:
        return true;
    }
}

struct SpoofCloser
{
    void operator()(USpoofChecker* checker) const { uspoof_close(checker); }
};

/// One configured checker for the process; ICU allows concurrent use of a configured checker.
const USpoofChecker* spoofChecker()
{
    static const std::unique_ptr<USpoofChecker, SpoofCloser> checker = []
    {
        UErrorCode status = U_ZERO_ERROR;
        USpoofChecker* made = uspoof_open(&status);
        uspoof_setChecks(made, USPOOF_RESTRICTION_LEVEL | USPOOF_INVISIBLE | USPOOF_MIXED_NUMBERS,
                         &status);
        uspoof_setRestrictionLevel(made, USPOOF_MODERATELY_RESTRICTIVE);
        return std::unique_ptr<USpoofChecker, SpoofCloser>(U_SUCCESS(status) ? made : nullptr);
    }();
    return checker.get();
}

} // namespace

std::string cleanNickname(const std::string& nickname, std::size_t maxCharacters)
{
    if (!isValidUtf8(nickname))
        return {};
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status))
        return {};
    icu::UnicodeString text = nfc->normalize(icu::UnicodeString::fromUTF8(nickname), status);
    if (U_FAILURE(status))
        return {};
    text.trim();
    const int32_t characters = text.countChar32();
    if (characters == 0 || static_cast<std::size_t>(characters) > maxCharacters)
        return {};
    for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1))
    {
        if (!isAllowed(text.char32At(i)))
            return {};
    }
    const USpoofChecker* checker = spoofChecker();
    if (checker == nullptr || uspoof_check2UnicodeString(checker, text, nullptr, &status) != 0 ||
        U_FAILURE(status))
        return {};
    std::string out;
    text.toUTF8String(out);
    return out;
}

std::string nicknameKey(const std::string& cleanNickname)
{
    UErrorCode status = U_ZERO_ERROR;
    // Accents go too (decompose, drop the marks): "Zoe" and "Zoë" read alike on a projector.
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    icu::UnicodeString decomposed =
        U_SUCCESS(status) ? nfd->normalize(icu::UnicodeString::fromUTF8(cleanNickname), status)
                          : icu::UnicodeString::fromUTF8(cleanNickname);
    icu::UnicodeString folded;
    for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1))
    {
        const UChar32 c = decomposed.char32At(i);
        if (u_charType(c) != U_NON_SPACING_MARK)
            folded.append(c);
    }
    folded.foldCase();
    icu::UnicodeString skeleton;
    const USpoofChecker* checker = spoofChecker();
    if (checker != nullptr)
        uspoof_getSkeletonUnicodeString(checker, 0, folded, skeleton, &status);
    if (checker == nullptr || U_FAILURE(status))
        skeleton = folded;
    std::string out;
    skeleton.toUTF8String(out);
    return out;
}

} // namespace quiz::core
