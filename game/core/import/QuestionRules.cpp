#include "QuestionRules.hpp"

#include "PackAssembler.hpp"
#include "core/pack/ValueRules.hpp"

#include <set>

namespace quiz::core::import
{

namespace
{

constexpr std::size_t kMaxLongText = 8000;
constexpr std::size_t kMaxOptionText = 1000;
constexpr std::size_t kMaxOptions = 10;

/// A numeric question (format 1.1) needs its answer; it has no options to check.
std::string numericFits(const Question& q)
{
    if (!q.numeric || (!q.numeric->value && q.numeric->formula.empty()))
        return "it has no numerical answer";
    for (const Mistake& mistake : q.mistakes)
    {
        if (mistake.rationale.countCharacters() > kMaxLongText)
            return "the feedback of a wrong numerical answer is over " +
                   std::to_string(kMaxLongText) + " characters";
    }
    return {};
}

/// An ordering question needs 2..10 items, a matching one 2..10 prompts and at most 4
/// distractors, every text non-empty and within the caps.
std::string stepsFits(const Question& q)
{
    const bool ordering = q.type == QuestionType::Ordering;
    std::size_t prompts = 0;
    std::size_t texts = 0;
    const auto fits = [](const RichText& text) { return text.countCharacters() <= kMaxOptionText; };
    for (const OrderItem& item : q.items)
        texts += !item.text.isEmpty() && fits(item.text) ? 0 : 1;
    for (const MatchPair& pair : q.pairs)
    {
        prompts += pair.isDistractor() ? 0 : 1;
        texts += !pair.answer.isEmpty() && fits(pair.answer) && fits(pair.prompt) ? 0 : 1;
    }
    const std::size_t count = ordering ? q.items.size() : prompts;
    if (count < 2 || count > kMaxOptions)
        return std::string("it has ") + std::to_string(count) +
               (ordering ? " items; an ordering question has 2 to 10"
                         : " prompts; a matching question has 2 to 10");
    if (!ordering && q.pairs.size() - prompts > 4)
        return "it has " + std::to_string(q.pairs.size() - prompts) +
               " answers that match no prompt; the most a pack allows is 4";
    if (texts > 0)
        return "an item or answer is empty or over " + std::to_string(kMaxOptionText) +
               " characters";
    return {};
}

/// Ordering and matching questions mean the same when their items or pairs do.
bool sameSteps(const Question& a, const Question& b)
{
    if (a.items.size() != b.items.size() || a.pairs.size() != b.pairs.size() ||
        a.scoring != b.scoring)
        return false;
    for (std::size_t i = 0; i < a.items.size(); ++i)
    {
        if (a.items[i].text != b.items[i].text)
            return false;
    }
    for (std::size_t i = 0; i < a.pairs.size(); ++i)
    {
        if (a.pairs[i].prompt != b.pairs[i].prompt || a.pairs[i].answer != b.pairs[i].answer)
            return false;
    }
    return true;
}

/// Numeric questions mean the same when their answers and mistakes do.
bool sameNumeric(const Question& a, const Question& b)
{
    if (a.numeric.has_value() != b.numeric.has_value() || a.mistakes.size() != b.mistakes.size())
        return false;
    if (a.numeric &&
        (a.numeric->formula != b.numeric->formula || a.numeric->value != b.numeric->value ||
         a.numeric->tolerance != b.numeric->tolerance))
        return false;
    for (std::size_t i = 0; i < a.mistakes.size(); ++i)
    {
        if (a.mistakes[i].formula != b.mistakes[i].formula ||
            a.mistakes[i].value != b.mistakes[i].value)
            return false;
    }
    return true;
}

} // namespace

bool isGenerated(const RichText& rationale)
{
    const std::string plain = rationale.toPlain();
    return plain == kGeneratedRationaleCorrect || plain == kGeneratedRationaleIncorrect;
}

/// Empty when the question fits format v1, otherwise why not.
std::string checkFits(const Question& q)
{
    auto tooLong = [](const RichText& text, std::size_t cap)
    { return text.countCharacters() > cap; };
    if (q.stem.isEmpty())
        return "the question text is empty";
    if (tooLong(q.stem, kMaxLongText))
        return "the question text is over " + std::to_string(kMaxLongText) + " characters";
    if (tooLong(q.explanation, kMaxLongText))
        return "the general feedback is over " + std::to_string(kMaxLongText) + " characters";
    for (const RichText& hint : q.hints)
    {
        if (tooLong(hint, kMaxLongText))
            return "a hint is over " + std::to_string(kMaxLongText) + " characters";
    }
    if (q.type == QuestionType::Numeric)
        return numericFits(q);
    if (q.type == QuestionType::Ordering || q.type == QuestionType::Matching)
        return stepsFits(q);
    if (q.options.size() < 2)
        return "it has fewer than 2 answers";
    if (q.options.size() > kMaxOptions)
        return "it has " + std::to_string(q.options.size()) + " answers; a pack question holds " +
               std::to_string(kMaxOptions) +
               " at most (the cap the question screen, the class host and the phones are laid "
               "out and tested for; keys pick the first 8), so split it or remove answers";
    std::size_t correct = 0;
    std::set<std::string> ids;
    for (const Option& option : q.options)
    {
        if (!isValidId(option.id) || !ids.insert(option.id).second)
            return "answer id '" + option.id + "' is not a unique id";
        if (option.weight < -100.0 || option.weight > 100.0)
            return "answer '" + option.id + "' has credit outside -100..100%";
        if (option.text.isEmpty())
            return "answer '" + option.id + "' is empty";
        if (tooLong(option.text, kMaxOptionText))
            return "answer '" + option.id + "' is over " + std::to_string(kMaxOptionText) +
                   " characters";
        if (tooLong(option.rationale, kMaxLongText))
            return "the feedback of answer '" + option.id + "' is over " +
                   std::to_string(kMaxLongText) + " characters";
        correct += option.correct ? 1U : 0U;
    }
    if (correct == 0)
        return "no answer is marked correct";
    if (q.type == QuestionType::Single && correct > 1)
        return "several answers are fully correct, but a single-answer question has exactly "
               "one";
    return {};
}

std::string fillRationales(Question& q)
{
    std::string generated;
    // Ordering and matching sources give no rationale per step or pair.
    for (OrderItem& item : q.items)
    {
        if (!item.rationale.isEmpty())
            continue;
        item.rationale = RichText::fromPlain(kGeneratedRationaleCorrect);
        generated += (generated.empty() ? "'" : ", '") + item.id + "'";
    }
    for (MatchPair& pair : q.pairs)
    {
        if (!pair.rationale.isEmpty())
            continue;
        pair.rationale = RichText::fromPlain(pair.isDistractor() ? kGeneratedRationaleIncorrect
                                                                 : kGeneratedRationaleCorrect);
        generated += (generated.empty() ? "'" : ", '") + pair.id + "'";
    }
    for (Option& option : q.options)
    {
        if (!option.rationale.isEmpty())
            continue;
        option.rationale = RichText::fromPlain(option.correct ? kGeneratedRationaleCorrect
                                                              : kGeneratedRationaleIncorrect);
        generated += (generated.empty() ? "'" : ", '") + option.id + "'";
    }
    return generated;
}

/// Keeps rationales written by hand in the pack when the source still has none.
void keepAuthoredRationales(Question& fresh, const Question& old)
{
    for (Option& option : fresh.options)
    {
        const Option* before = old.findOption(option.id);
        if (before != nullptr && isGenerated(option.rationale) && !isGenerated(before->rationale) &&
            before->text == option.text && !before->rationale.isEmpty())
            option.rationale = before->rationale;
    }
}

bool sameMeaning(const Question& a, const Question& b)
{
    if (a.type != b.type || a.stem != b.stem || a.options.size() != b.options.size())
        return false;
    if (a.type == QuestionType::Numeric && !sameNumeric(a, b))
        return false;
    if (!sameSteps(a, b))
        return false;
    for (std::size_t i = 0; i < a.options.size(); ++i)
    {
        const Option& x = a.options[i];
        const Option& y = b.options[i];
        if (x.text != y.text || x.correct != y.correct || x.weight != y.weight)
            return false;
    }
    return true;
}

void warnGenerated(const Question& q, const std::string& label, int line,
                   DiagnosticList& diagnostics, const std::string& generated)
{
    std::string still;
    for (const Option& option : q.options)
    {
        if (isGenerated(option.rationale))
            still += (still.empty() ? "'" : ", '") + option.id + "'";
    }
    for (const OrderItem& item : q.items)
    {
        if (isGenerated(item.rationale))
            still += (still.empty() ? "'" : ", '") + item.id + "'";
    }
    for (const MatchPair& pair : q.pairs)
    {
        if (isGenerated(pair.rationale))
            still += (still.empty() ? "'" : ", '") + pair.id + "'";
    }
    if (still.empty() || generated.empty())
        return;
    diagnostics.warning(line, kCodeGeneratedRationale,
                        "question " + label + ": no feedback in the source for answer(s) " + still +
                            "; a placeholder rationale was written, replace it with a real one");
}

} // namespace quiz::core::import
