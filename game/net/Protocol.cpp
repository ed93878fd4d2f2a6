#include "Protocol.hpp"

#include "core/util/Utf8.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <nlohmann/json.hpp>
#include <utility>

namespace quiz::net
{
namespace
{

// Ordered, so a message reads in its field list's order with `type` first.
using json = nlohmann::ordered_json;

template <typename E> struct EnumWords;

template <> struct EnumWords<Reason>
{
    static constexpr std::array<std::pair<Reason, const char*>, 30> words{{
        {Reason::None, "none"},
        {Reason::WrongVersion, "wrong-version"},
        {Reason::WrongCode, "wrong-code"},
        {Reason::TooManyTries, "too-many-tries"},
        {Reason::NicknameTaken, "nickname-taken"},
        {Reason::NicknameLookAlike, "nickname-look-alike"},
        {Reason::BadNickname, "bad-nickname"},
        {Reason::BadToken, "bad-token"},
        {Reason::LobbyLocked, "lobby-locked"},
        {Reason::ClassFull, "class-full"},
        {Reason::ClassFinished, "class-finished"},
        {Reason::Kicked, "kicked"},
        {Reason::TooManyConnections, "too-many-connections"},
        {Reason::BadMessage, "bad-message"},
        {Reason::OutOfOrder, "out-of-order"},
        {Reason::TooBig, "too-big"},
        {Reason::Timeout, "timeout"},
        {Reason::TooSlow, "too-slow"},
        {Reason::HostClosing, "host-closing"},
        {Reason::Replaced, "replaced"},
        {Reason::NotAnswerPhase, "not-answer-phase"},
        {Reason::WrongQuestion, "wrong-question"},
        {Reason::UnknownOption, "unknown-option"},
        {Reason::AlreadyAnswered, "already-answered"},
        {Reason::EmptyAnswer, "empty-answer"},
        {Reason::TooManyOptions, "too-many-options"},
        {Reason::Paused, "paused"},
        {Reason::BadNumber, "bad-number"},
        {Reason::WrongCount, "wrong-count"},
        {Reason::RepeatedId, "repeated-id"},
    }};
};

template <> struct EnumWords<WirePhase>
{
    static constexpr std::array<std::pair<WirePhase, const char*>, 5> words{{
        {WirePhase::Lobby, "lobby"},
        {WirePhase::Question, "question"},
        {WirePhase::Reveal, "reveal"},
        {WirePhase::Leaderboard, "leaderboard"},
        {WirePhase::Finished, "finished"},
    }};
};

template <> struct EnumWords<QuestionKind>
{
    static constexpr std::array<std::pair<QuestionKind, const char*>, 5> words{{
        {QuestionKind::Single, "single"},
        {QuestionKind::Multiple, "multiple"},
        {QuestionKind::Numeric, "numeric"},
        {QuestionKind::Ordering, "ordering"},
        {QuestionKind::Matching, "matching"},
    }};
};

template <typename E> const char* wordOf(E value)
{
    for (const auto& [each, word] : EnumWords<E>::words)
    {
        if (each == value)
            return word;
    }
    return "unknown";
}

// Writing ------------------------------------------------------------------------------------

json toJson(const std::string& value)
{
    return value;
}
json toJson(bool value)
{
    return value;
}
json toJson(std::uint32_t value)
{
    return value;
}
json toJson(std::int64_t value)
{
    return value;
}
template <typename E, std::enable_if_t<std::is_enum_v<E>, int> = 0> json toJson(E value)
{
    return wordOf(value);
}

json toJson(const core::RichText& text)
{
    json runs = json::array();
    // Phones get a link as its text and address, as the game shows it; nothing to open.
    for (const core::TextRun& run : core::withLinkAddresses(text).runs)
    {
        json item = json::object();
        if (run.lineBreak)
            item["br"] = true;
        else
        {
            item["t"] = run.text;
            if (run.bold)
                item["b"] = true;
            if (run.italic)
                item["i"] = true;
            if (run.script == core::Script::Sub)
                item["sub"] = true;
            if (run.script == core::Script::Super)
                item["sup"] = true;
        }
        runs.push_back(std::move(item));
    }
    return runs;
}

template <typename T, std::enable_if_t<HasFields<T>::value, int> = 0> json toJson(const T& value);

template <typename T> json toJson(const std::vector<T>& values)
{
    json list = json::array();
    for (const T& value : values)
        list.push_back(toJson(value));
    return list;
}

template <typename T> struct IsOptional : std::false_type
{
};
template <typename T> struct IsOptional<std::optional<T>> : std::true_type
{
};

template <typename T, std::enable_if_t<HasFields<T>::value, int>> json toJson(const T& value)
{
    json object = json::object();
    forEachField<T>(
        [&](const auto& f)
        {
            const auto& member = value.*(f.member);
            // An optional field is left out when empty, so older messages read as before.
            if constexpr (IsOptional<std::decay_t<decltype(member)>>::value)
            {
                if (member)
                    object[f.name] = toJson(*member);
            }
            else
            {
                object[f.name] = toJson(member);
            }
        });
    return object;
}

// Reading: each returns false when the value is missing, of the wrong type or out of range.

bool fromJson(const json& j, std::string& out)
{
    if (!j.is_string())
        return false;
    out = j.get<std::string>();
    return true;
}
bool fromJson(const json& j, bool& out)
{
    if (!j.is_boolean())
        return false;
    out = j.get<bool>();
    return true;
}
bool fromJson(const json& j, std::uint32_t& out)
{
    if (!j.is_number_unsigned() ||
        j.get<std::uint64_t>() > std::numeric_limits<std::uint32_t>::max())
        return false;
    out = static_cast<std::uint32_t>(j.get<std::uint64_t>());
    return true;
}
bool fromJson(const json& j, std::int64_t& out)
{
    if (j.is_number_unsigned())
    {
        const auto value = j.get<std::uint64_t>();
        if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return false;
        out = static_cast<std::int64_t>(value);
        return true;
    }
    if (!j.is_number_integer())
        return false;
    out = j.get<std::int64_t>();
    return true;
}
template <typename E, std::enable_if_t<std::is_enum_v<E>, int> = 0>
bool fromJson(const json& j, E& out)
{
    if (!j.is_string())
        return false;
    const std::string& word = j.get_ref<const std::string&>();
    for (const auto& [each, name] : EnumWords<E>::words)
    {
        if (word == name)
        {
            out = each;
            return true;
        }
    }
    return false;
}

bool flag(const json& item, const char* name)
{
    const auto it = item.find(name);
    return it != item.end() && it->is_boolean() && it->get<bool>();
}

bool fromJson(const json& j, core::RichText& out)
{
    if (!j.is_array())
        return false;
    out.runs.clear();
    for (const json& item : j)
    {
        if (!item.is_object())
            return false;
        core::TextRun run;
        if (flag(item, "br"))
            run.lineBreak = true;
        else
        {
            const auto text = item.find("t");
            if (text == item.end() || !fromJson(*text, run.text))
                return false;
            run.bold = flag(item, "b");
            run.italic = flag(item, "i");
            run.script = flag(item, "sub")   ? core::Script::Sub
                         : flag(item, "sup") ? core::Script::Super
                                             : core::Script::Normal;
            // An empty run shows nothing and the encoder never writes one: dropping it here
            // keeps a decoded message equal to what it re-encodes to.
            if (run.text.empty())
                continue;
        }
        out.runs.push_back(std::move(run));
    }
    return true;
}

template <typename T, std::enable_if_t<HasFields<T>::value, int> = 0>
bool fromJson(const json& j, T& out);

template <typename T> bool fromJson(const json& j, std::vector<T>& out)
{
    if (!j.is_array())
        return false;
    out.clear();
    for (const json& item : j)
    {
        T value{};
        if (!fromJson(item, value))
            return false;
        out.push_back(std::move(value));
    }
    return true;
}

template <typename T, std::enable_if_t<HasFields<T>::value, int>>
bool fromJson(const json& j, T& out)
{
    if (!j.is_object())
        return false;
    bool ok = true;
    forEachField<T>(
        [&](const auto& f)
        {
            if (!ok)
                return;
            const auto it = j.find(f.name);
            auto& member = out.*(f.member);
            using Member = std::decay_t<decltype(member)>;
            if constexpr (IsOptional<Member>::value)
            {
                member.reset();
                if (it == j.end())
                    return;
                typename Member::value_type inner{};
                ok = fromJson(*it, inner);
                if (ok)
                    member = std::move(inner);
            }
            else
            {
                ok = it != j.end() && fromJson(*it, member);
            }
        });
    return ok;
}

bool withinIdCap(const std::string& id)
{
    return id.size() <= kMaxOptionIdBytes;
}

/// An order or a matching's prompts: within the caps, and no id twice.
bool isCleanIdList(const std::vector<std::string>& ids)
{
    if (ids.size() > kMaxOptions)
        return false;
    for (std::size_t i = 0; i < ids.size(); ++i)
    {
        if (!withinIdCap(ids[i]) ||
            std::find(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(i), ids[i]) !=
                ids.begin() + static_cast<std::ptrdiff_t>(i))
            return false;
    }
    return true;
}

/// An answer's order or matches are malformed whatever the question: over a cap, or an item
/// or a prompt given twice.
bool isCleanStepsAnswer(const Answer& answer)
{
    if (answer.order && !isCleanIdList(*answer.order))
        return false;
    if (!answer.matches)
        return true;
    std::vector<std::string> prompts;
    for (const WireMatch& match : *answer.matches)
    {
        if (!withinIdCap(match.choice))
            return false;
        prompts.push_back(match.prompt);
    }
    return isCleanIdList(prompts);
}

/// Caps on what a student may send, beyond the message size.
bool withinStudentCaps(const Message& message)
{
    if (const auto* join = std::get_if<Join>(&message))
        return join->classCode.size() <= kMaxClassCodeBytes &&
               join->nickname.size() <= kMaxNicknameBytes;
    if (const auto* rejoin = std::get_if<Rejoin>(&message))
        return rejoin->classCode.size() <= kMaxClassCodeBytes &&
               rejoin->token.size() <= kMaxTokenBytes;
    if (const auto* answer = std::get_if<Answer>(&message))
    {
        if (answer->optionIds.size() > kMaxOptions)
            return false;
        for (const std::string& id : answer->optionIds)
        {
            if (id.size() > kMaxOptionIdBytes)
                return false;
        }
        if (answer->value && answer->value->size() > kMaxTypedBytes)
            return false;
        if (!isCleanStepsAnswer(*answer))
            return false;
    }
    return true;
}

template <typename T> constexpr bool isStudentMessage()
{
    return std::is_same_v<T, Join> || std::is_same_v<T, Rejoin> || std::is_same_v<T, Answer> ||
           std::is_same_v<T, Leave> || std::is_same_v<T, Ping> || std::is_same_v<T, Pong>;
}

template <typename T> constexpr bool mayBeSentBy(Sender from)
{
    if (std::is_same_v<T, Ping> || std::is_same_v<T, Pong>)
        return true;
    return isStudentMessage<T>() == (from == Sender::Student);
}

/// Decodes `object` as the alternative of Message whose kType is `type`.
template <std::size_t... I>
DecodeResult decodeAs(const std::string& type, const json& object, Sender from,
                      std::index_sequence<I...>)
{
    DecodeResult result;
    result.error = Reason::BadMessage;
    result.detail = "unknown type";
    const auto attempt = [&](auto tag)
    {
        using T = typename decltype(tag)::type;
        if (type != T::kType)
            return;
        if (!mayBeSentBy<T>(from))
        {
            result.detail = std::string("'") + T::kType + "' may not be sent by this side";
            return;
        }
        T value{};
        if (!fromJson(object, value))
        {
            result.detail = std::string("'") + T::kType + "' lacks a field or has a wrong one";
            return;
        }
        result.message = std::move(value);
        result.error = Reason::None;
        result.detail.clear();
    };
    (attempt(std::common_type<std::variant_alternative_t<I, Message>>{}), ...);
    return result;
}

} // namespace

const char* toString(Reason reason)
{
    return wordOf(reason);
}

const char* describe(Reason reason)
{
    switch (reason)
    {
    case Reason::None:
        return "";
    case Reason::WrongVersion:
        return "This page or game is of another version than the class; reload it.";
    case Reason::WrongCode:
        return "No class with that code. Check the code on the projector.";
    case Reason::TooManyTries:
        return "Too many wrong codes from this device; wait a minute and try again.";
    case Reason::NicknameTaken:
        return "Someone in this class already uses that nickname.";
    case Reason::NicknameLookAlike:
        return "That nickname looks too much like one already in the class.";
    case Reason::BadNickname:
        return "Choose a nickname of 1 to 24 letters, digits or punctuation.";
    case Reason::BadToken:
        return "This seat is not known to the class any more; join again with a nickname.";
    case Reason::LobbyLocked:
        return "The instructor has locked the class.";
    case Reason::ClassFull:
        return "The class is full.";
    case Reason::ClassFinished:
        return "The class has finished.";
    case Reason::Kicked:
        return "The instructor removed you from the class.";
    case Reason::TooManyConnections:
        return "The class is full: too many connections.";
    case Reason::BadMessage:
        return "The class did not understand a message and closed the connection.";
    case Reason::OutOfOrder:
        return "A message came at the wrong time and the connection was closed.";
    case Reason::TooBig:
        return "A message was too large and the connection was closed.";
    case Reason::Timeout:
        return "Nothing came for too long; the connection was closed.";
    case Reason::TooSlow:
        return "This device did not keep up with the class; reconnect to go on.";
    case Reason::HostClosing:
        return "The class has ended.";
    case Reason::Replaced:
        return "This seat was taken up again on another device or tab.";
    case Reason::NotAnswerPhase:
        return "Answers are closed.";
    case Reason::WrongQuestion:
        return "That answer was for another question.";
    case Reason::UnknownOption:
        return "That option is not part of the question.";
    case Reason::AlreadyAnswered:
        return "You already answered this question.";
    case Reason::EmptyAnswer:
        return "Choose at least one option.";
    case Reason::TooManyOptions:
        return "Choose only one option.";
    case Reason::Paused:
        return "The instructor paused the question; send your answer when it goes on.";
    case Reason::BadNumber:
        return "That is not a number: type digits, with a point or a comma for decimals.";
    case Reason::WrongCount:
        return "Place every step (or match every prompt) before you send.";
    case Reason::RepeatedId:
        return "Each step (or prompt) may be given only once.";
    }
    return "";
}

const char* getType(const Message& message)
{
    return std::visit([](const auto& m) { return std::decay_t<decltype(m)>::kType; }, message);
}

std::string encode(const Message& message)
{
    json object = json::object();
    object["type"] = getType(message);
    json fields = std::visit([](const auto& m) { return toJson(m); }, message);
    for (auto& [name, value] : fields.items())
        object[name] = std::move(value);
    return object.dump(-1, ' ', false, json::error_handler_t::replace);
}

DecodeResult decode(std::string_view text, Sender from)
{
    DecodeResult result;
    result.error = Reason::BadMessage;
    const std::size_t cap =
        from == Sender::Student ? kMaxStudentMessageBytes : kMaxHostMessageBytes;
    if (text.size() > cap)
    {
        result.error = Reason::TooBig;
        result.detail = "message over " + std::to_string(cap) + " bytes";
        return result;
    }
    if (!core::isValidUtf8(text))
    {
        result.detail = "invalid UTF-8";
        return result;
    }
    const json object = json::parse(text.begin(), text.end(), nullptr, false);
    if (!object.is_object())
    {
        result.detail = object.is_discarded() ? "not JSON" : "not a JSON object";
        return result;
    }
    const auto type = object.find("type");
    if (type == object.end() || !type->is_string())
    {
        result.detail = "no type";
        return result;
    }
    result = decodeAs(type->get<std::string>(), object, from,
                      std::make_index_sequence<std::variant_size_v<Message>>{});
    if (result.message && from == Sender::Student && !withinStudentCaps(*result.message))
    {
        result.message.reset();
        result.error = Reason::BadMessage;
        result.detail = "a field over its cap, or an item or prompt twice";
    }
    return result;
}

} // namespace quiz::net
