#pragma once

#include "Pack.hpp"
#include "XmlSchema.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace quiz::core
{

/// Pack format 1.1 as tables: every element, its attributes with their value types and its
/// children with their counts and order. PackReader checks packs against these tables and
/// PackXsd writes questions/pack.xsd from them, so the loader and the schema cannot drift.
/// Ordering items and matching prompts a question may have (2..kMaxSteps).
inline constexpr std::size_t kMaxSteps = 10;
/// Distractor answers (pairs without a prompt) a matching question may have besides.
inline constexpr std::size_t kMaxDistractors = 4;

namespace format
{

extern const std::vector<std::string> kBool;
extern const std::vector<std::string> kQuestionTypes;
extern const std::vector<std::string> kSeverity;
extern const std::vector<std::string> kFormatVersions;

extern const ElementSpec kPack;
extern const ElementSpec kTitle;
extern const ElementSpec kDescription;
extern const ElementSpec kAuthor;
extern const ElementSpec kLicense;
extern const ElementSpec kDates;
extern const ElementSpec kReview;
extern const ElementSpec kSources;
extern const ElementSpec kSource;
extern const ElementSpec kTopics;
extern const ElementSpec kTopic;
extern const ElementSpec kQuestions;
/// A question's children for every type at once (options or two rationales in one slot);
/// the loader narrows them by type with questionChildren().
extern const ElementSpec kQuestion;
extern const ElementSpec kStem;
extern const ElementSpec kOptions;
extern const ElementSpec kOption;
extern const ElementSpec kOptionText;
extern const ElementSpec kOptionRationale;
extern const ElementSpec kTrueFalseRationale;
extern const ElementSpec kExplanation;
extern const ElementSpec kHint;
extern const ElementSpec kFeedback;
extern const ElementSpec kFigure;
extern const ElementSpec kRef;
extern const ElementSpec kTag;
extern const ElementSpec kOrigin;
extern const ElementSpec kVary;
extern const ElementSpec kAnswer;
extern const ElementSpec kMistake;
extern const ElementSpec kItems;
extern const ElementSpec kItem;
extern const ElementSpec kItemText;
extern const ElementSpec kItemRationale;
extern const ElementSpec kPairs;
extern const ElementSpec kPair;
extern const ElementSpec kPairPrompt;
extern const ElementSpec kPairAnswer;
extern const ElementSpec kCase;
extern const ElementSpec kCaseTitle;
extern const ElementSpec kCaseStem;

/// kQuestion's children for one type: a truefalse question takes two rationales and no
/// options, a numeric one <answer>, <vary> and <mistake> and no options, an ordering one
/// exactly one <items>, a matching one exactly one <pairs>, the others exactly one <options>
/// and no rationale.
[[nodiscard]] const std::vector<ChildSpec>& questionChildren(QuestionType type);

/// An id that must be unique among the elements an XPath selects, for the schema; the checker
/// enforces it as duplicate-id.
struct UniqueId
{
    std::string_view name;
    std::string_view selector;
};
extern const std::vector<UniqueId> kUniqueIds;

} // namespace format
} // namespace quiz::core
