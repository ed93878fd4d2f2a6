#include "Session.hpp"

#include "Random.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace quiz::core
{
namespace
{

const Pack* findPack(const std::vector<Pack>& packs, const std::string& packId)
{
    for (const Pack& pack : packs)
    {
        if (pack.id == packId)
            return &pack;
    }
    return nullptr;
}

bool contains(const std::vector<std::string>& items, const std::string& item)
{
    return std::find(items.begin(), items.end(), item) != items.end();
}

struct Candidate
{
    const Pack* pack = nullptr;
    const Question* question = nullptr;
};

/// Every published question the selections match, in pack and document order, each once.
std::vector<Candidate> collect(const std::vector<Pack>& packs,
                               const std::vector<TopicSelection>& selections, std::string& error)
{
    std::vector<TopicSelection> wanted = selections;
    if (wanted.empty())
    {
        for (const Pack& pack : packs)
            wanted.push_back({pack.id, ""});
    }
    // Topic sets per pack, so a question matched by two selections is taken once.
    std::vector<std::pair<const Pack*, std::vector<std::string>>> topicsByPack;
    std::vector<const Pack*> wholePacks;
    for (const TopicSelection& selection : wanted)
    {
        const Pack* pack = findPack(packs, selection.packId);
        if (pack == nullptr)
        {
            error = "no pack with id '" + selection.packId + "'";
            return {};
        }
        if (selection.topicId.empty())
        {
            wholePacks.push_back(pack);
            continue;
        }
        if (pack->findTopic(selection.topicId) == nullptr)
        {
            error = "pack '" + pack->id + "' has no topic '" + selection.topicId + "'";
            return {};
        }
        auto entry = std::find_if(topicsByPack.begin(), topicsByPack.end(),
                                  [pack](const auto& item) { return item.first == pack; });
        if (entry == topicsByPack.end())
        {
            topicsByPack.push_back({pack, {}});
            entry = topicsByPack.end() - 1;
        }
        for (std::string& id : pack->getTopicSubtree(selection.topicId))
            entry->second.push_back(std::move(id));
    }
    std::vector<Candidate> out;
    for (const Pack& pack : packs)
    {
        const bool whole =
            std::find(wholePacks.begin(), wholePacks.end(), &pack) != wholePacks.end();
        const auto entry = std::find_if(topicsByPack.begin(), topicsByPack.end(),
                                        [&pack](const auto& item) { return item.first == &pack; });
        if (!whole && entry == topicsByPack.end())
            continue;
        for (const Question& question : pack.questions)
        {
            if (question.status != QuestionStatus::Published)
                continue;
            if (whole || contains(entry->second, question.topicId))
                out.push_back({&pack, &question});
        }
    }
    return out;
}

/// A seed for one question's or case's draw: from the round's seed and the item's identity,
/// not from the shuffling stream, so adding numeric questions changes no other order.
std::uint32_t drawSeed(std::uint32_t seed, const std::string& packId, const std::string& itemId)
{
    std::uint32_t hash = 2166136261U ^ seed;
    for (const std::string* text : {&packId, &itemId})
    {
        for (char c : *text)
        {
            hash ^= static_cast<unsigned char>(c);
            hash *= 16777619U;
        }
        hash ^= 0xffU;
        hash *= 16777619U;
    }
    return hash;
}

using Values = std::vector<std::pair<std::string, double>>;

/// Draws the case's variables (once per round) and fills the case fields of `planned`.
void attachCase(const Pack& pack, const Question& question, std::uint32_t seed,
                PlannedQuestion& planned, Values& values)
{
    const Case* c = question.caseId.empty() ? nullptr : pack.findCase(question.caseId);
    if (c == nullptr)
        return;
    std::string error;
    if (!drawVariables(c->variables, drawSeed(seed, pack.id, "case:" + c->id), values, error))
        values.clear();
    planned.caseId = c->id;
    planned.caseTitle = c->title;
    const int decimals = question.numeric ? question.numeric->round : 0;
    planned.caseStem = substitutePlaceholders(c->stem, values, decimals);
    planned.caseFigure = c->figure;
    planned.caseSize = static_cast<int>(c->questionIds.size());
    const auto at = std::find(c->questionIds.begin(), c->questionIds.end(), question.id);
    planned.casePosition = static_cast<int>(at - c->questionIds.begin()) + 1;
}

/// Draws the question's numbers and substitutes them; false when a numeric question cannot
/// be drawn (the checker reports why), so it is left out of the round.
bool drawNumbers(const Pack& pack, const Question& question, std::uint32_t seed,
                 PlannedQuestion& planned)
{
    Values values;
    attachCase(pack, question, seed, planned, values);
    std::string error;
    if (question.type == QuestionType::Numeric)
    {
        if (!drawVariables(question.variables, drawSeed(seed, pack.id, question.id), values, error))
            return false;
        planned.draw = completeDraw(question, std::move(values), error);
        if (!planned.draw)
            return false;
        planned.question = instantiate(question, *planned.draw);
    }
    else if (!values.empty())
    {
        planned.question = instantiate(question, Draw{values, 0.0, {}});
    }
    return true;
}

PlannedQuestion plan(const Pack& pack, const Question& question, Random& random)
{
    PlannedQuestion planned;
    planned.packId = pack.id;
    planned.packTitle = pack.title;
    const Topic* topic = pack.findTopic(question.topicId);
    planned.topicTitle = topic != nullptr ? topic->title : question.topicId;
    planned.question = question;
    std::vector<bool> fixed;
    for (const Option& option : question.options)
        fixed.push_back(option.fixed);
    // True/false keeps its natural order; a question may also opt out of shuffling.
    if (question.shuffle && question.type != QuestionType::TrueFalse)
    {
        planned.optionOrder = shuffledOrder(fixed, random);
    }
    else
    {
        for (std::size_t i = 0; i < question.options.size(); ++i)
            planned.optionOrder.push_back(i);
    }
    if (question.type == QuestionType::Ordering)
    {
        planned.itemOrder = shuffledItemOrder(question.items.size(), random);
    }
    else if (question.type == QuestionType::Matching)
    {
        for (std::size_t i = 0; i < question.pairs.size(); ++i)
            planned.answerOrder.push_back(i);
        random.shuffle(planned.answerOrder);
    }
    std::vector<std::string> sourceIds;
    for (const Reference& ref : question.refs)
        sourceIds.push_back(ref.sourceId);
    for (const Option& option : question.options)
    {
        for (const Reference& ref : option.refs)
            sourceIds.push_back(ref.sourceId);
    }
    for (const Source& source : pack.sources)
    {
        if (contains(sourceIds, source.id))
            planned.sources.push_back(source);
    }
    return planned;
}

/// Candidates as play units: a question on its own, or all of a case's questions in document
/// order (gathered where the case's first question stands). In a listed round (review) every
/// question is its own unit, in the list's order.
std::vector<std::vector<Candidate>> groupCases(const std::vector<Candidate>& candidates,
                                               bool listed)
{
    std::vector<std::vector<Candidate>> units;
    std::vector<std::pair<std::pair<const Pack*, std::string>, std::size_t>> caseUnits;
    for (const Candidate& candidate : candidates)
    {
        const std::string& caseId = candidate.question->caseId;
        if (listed || caseId.empty())
        {
            units.push_back({candidate});
            continue;
        }
        const auto key = std::make_pair(candidate.pack, caseId);
        const auto found = std::find_if(caseUnits.begin(), caseUnits.end(),
                                        [&key](const auto& item) { return item.first == key; });
        if (found != caseUnits.end())
        {
            units[found->second].push_back(candidate);
            continue;
        }
        caseUnits.emplace_back(key, units.size());
        units.push_back({candidate});
    }
    return units;
}

} // namespace

const char* toString(Mode mode)
{
    return mode == Mode::Exam ? "exam" : "tutor";
}

std::size_t Session::countMatching(const std::vector<Pack>& packs,
                                   const std::vector<TopicSelection>& selections)
{
    std::string error;
    return collect(packs, selections, error).size();
}

std::optional<Session> Session::create(const std::vector<Pack>& packs, const SessionConfig& config,
                                       std::string& error)
{
    std::vector<Candidate> candidates = collect(packs, config.selections, error);
    if (!error.empty())
        return std::nullopt;
    const bool listed = !config.onlyQuestions.empty() && config.keepListedOrder;
    if (listed)
    {
        // The list's order, each question once, whatever order the packs hold them in.
        std::vector<Candidate> kept;
        for (const QuestionKey& key : config.onlyQuestions)
        {
            const auto found = std::find_if(candidates.begin(), candidates.end(),
                                            [&key](const Candidate& candidate) {
                                                return candidate.pack->id == key.packId &&
                                                       candidate.question->id == key.questionId;
                                            });
            if (found != candidates.end())
            {
                kept.push_back(*found);
                candidates.erase(found);
            }
        }
        candidates = std::move(kept);
    }
    else if (!config.onlyQuestions.empty())
    {
        std::vector<Candidate> kept;
        for (const Candidate& candidate : candidates)
        {
            const QuestionKey key{candidate.pack->id, candidate.question->id};
            if (std::find(config.onlyQuestions.begin(), config.onlyQuestions.end(), key) !=
                config.onlyQuestions.end())
                kept.push_back(candidate);
        }
        candidates = std::move(kept);
    }
    if (candidates.empty())
    {
        error = "the selection has no published questions";
        return std::nullopt;
    }
    if (config.timerSeconds < 0)
    {
        error = "the timer cannot be negative";
        return std::nullopt;
    }

    // Question order first, then each question's option order, all from one seeded stream:
    // the same seed and packs always give the same round. A case moves as one unit.
    Random random(config.seed);
    std::vector<std::vector<Candidate>> units = groupCases(candidates, listed);
    if (!listed)
        random.shuffle(units);
    const std::size_t count = config.count == 0 ? candidates.size() : config.count;
    std::size_t taken = 0;
    candidates.clear();
    for (const std::vector<Candidate>& unit : units)
    {
        // A case that does not fit the count is left out whole, never cut.
        if (taken + unit.size() > count)
            continue;
        candidates.insert(candidates.end(), unit.begin(), unit.end());
        taken += unit.size();
    }

    Session session;
    session.m_config = config;
    for (const Candidate& candidate : candidates)
    {
        PlannedQuestion planned = plan(*candidate.pack, *candidate.question, random);
        if (drawNumbers(*candidate.pack, *candidate.question, config.seed, planned))
            session.m_plan.push_back(std::move(planned));
    }
    if (session.m_plan.empty())
    {
        error = "the selection has no playable questions";
        return std::nullopt;
    }
    return session;
}

const PlannedQuestion& Session::getQuestion(std::size_t index) const
{
    if (index >= m_plan.size())
        throw std::out_of_range("Session::getQuestion: no question at that index");
    return m_plan[index];
}

const Option* Session::getShownOption(std::size_t position) const
{
    if (m_phase == Phase::Finished || position >= getCurrent().optionOrder.size())
        return nullptr;
    const PlannedQuestion& current = getCurrent();
    return &current.question.options[current.optionOrder[position]];
}

bool Session::isSelected(const std::string& optionId) const
{
    return contains(m_selection, optionId);
}

bool Session::pick(const std::string& optionId)
{
    if (m_phase != Phase::Asking || getCurrent().question.findOption(optionId) == nullptr)
        return false;
    if (getCurrent().question.type != QuestionType::Multiple)
    {
        record({optionId}, false);
        return true;
    }
    const auto found = std::find(m_selection.begin(), m_selection.end(), optionId);
    if (found != m_selection.end())
        m_selection.erase(found);
    else
        m_selection.push_back(optionId);
    return true;
}

bool Session::answerNumber(double value)
{
    if (m_phase != Phase::Asking || getCurrent().question.type != QuestionType::Numeric ||
        !getCurrent().draw || !std::isfinite(value))
        return false;
    recordNumber(value);
    return true;
}

bool Session::answerOrder(const std::vector<std::string>& itemIds)
{
    if (m_phase != Phase::Asking || getCurrent().question.type != QuestionType::Ordering)
        return false;
    recordSteps(itemIds, {}, false);
    return true;
}

bool Session::answerMatches(const MatchList& matches)
{
    if (m_phase != Phase::Asking || getCurrent().question.type != QuestionType::Matching)
        return false;
    recordSteps({}, matches, false);
    return true;
}

bool Session::submit()
{
    if (m_phase != Phase::Asking)
        return false;
    const QuestionType type = getCurrent().question.type;
    if (type == QuestionType::Numeric || type == QuestionType::Ordering ||
        type == QuestionType::Matching)
        return false;
    record(m_selection, false);
    return true;
}

int Session::useHint()
{
    if (m_phase != Phase::Asking)
        return -1;
    const auto available = static_cast<int>(getCurrent().question.hints.size());
    if (m_hintsShown >= available)
        return -1;
    return m_hintsShown++;
}

bool Session::next()
{
    if (m_phase != Phase::Feedback)
        return false;
    moveOn();
    return true;
}

std::string shownOptionLabel(const Question& question, std::size_t position)
{
    if (question.type == QuestionType::TrueFalse || question.numbering == "123" ||
        question.numbering == "none" || position >= 26)
        return std::to_string(position + 1);
    const char base = question.numbering == "abc" ? 'a' : 'A';
    return std::string(1, static_cast<char>(base + static_cast<char>(position)));
}

void Session::advance(std::chrono::milliseconds elapsed)
{
    if (m_phase == Phase::Finished || elapsed.count() <= 0)
        return;
    m_totalTime += elapsed;
    if (m_phase != Phase::Asking)
        return;
    m_questionTime += elapsed;
    if (m_config.timerSeconds > 0 && m_questionTime >= std::chrono::seconds(m_config.timerSeconds))
    {
        m_questionTime = std::chrono::seconds(m_config.timerSeconds);
        // Ticked boxes are not an answer until submitted: a timeout is unanswered.
        const QuestionType type = getCurrent().question.type;
        if (type == QuestionType::Numeric)
            recordNumber(std::nullopt);
        else if (type == QuestionType::Ordering || type == QuestionType::Matching)
            recordSteps({}, {}, true);
        else
            record({}, true);
    }
}

std::optional<std::chrono::milliseconds> Session::getTimeLeft() const
{
    if (m_config.timerSeconds <= 0 || m_phase != Phase::Asking)
        return std::nullopt;
    const std::chrono::milliseconds limit = std::chrono::seconds(m_config.timerSeconds);
    return std::max(std::chrono::milliseconds(0), limit - m_questionTime);
}

const AnswerRecord* Session::getAnswer(std::size_t index) const
{
    return index < m_answers.size() ? &m_answers[index] : nullptr;
}

void Session::record(std::vector<std::string> chosen, bool timedOut)
{
    const Question& question = getCurrent().question;
    AnswerRecord answer;
    answer.key = {getCurrent().packId, question.id};
    answer.topicId = question.topicId;
    // Stored in document order so results do not depend on click order.
    for (const Option& option : question.options)
    {
        if (contains(chosen, option.id))
            answer.chosenOptionIds.push_back(option.id);
    }
    answer.score = scoreAnswer(question, answer.chosenOptionIds);
    answer.timeTaken = m_questionTime;
    answer.timedOut = timedOut;
    answer.hintsUsed = m_hintsShown;
    m_answers.push_back(std::move(answer));
    if (m_config.mode == Mode::Tutor)
        m_phase = Phase::Feedback;
    else
        moveOn();
}

void Session::recordNumber(std::optional<double> typed)
{
    const PlannedQuestion& current = getCurrent();
    const Question& question = current.question;
    AnswerRecord answer;
    answer.key = {current.packId, question.id};
    answer.topicId = question.topicId;
    answer.score.maxPoints = question.points;
    answer.typedValue = typed;
    if (typed && current.draw)
    {
        const NumericVerdict verdict = judgeNumeric(question, *current.draw, *typed);
        answer.score.correct = verdict.correct;
        answer.score.points = verdict.correct ? question.points : 0.0;
        answer.score.critical = verdict.critical;
        answer.mistakeIndex = verdict.mistakeIndex;
    }
    answer.timeTaken = m_questionTime;
    answer.timedOut = !typed.has_value();
    answer.hintsUsed = m_hintsShown;
    m_answers.push_back(std::move(answer));
    if (m_config.mode == Mode::Tutor)
        m_phase = Phase::Feedback;
    else
        moveOn();
}

void Session::recordSteps(std::vector<std::string> order, MatchList matches, bool timedOut)
{
    const Question& question = getCurrent().question;
    AnswerRecord answer;
    answer.key = {getCurrent().packId, question.id};
    answer.topicId = question.topicId;
    answer.score = question.type == QuestionType::Ordering ? scoreOrder(question, order)
                                                           : scoreMatches(question, matches);
    answer.order = std::move(order);
    answer.matches = std::move(matches);
    answer.timeTaken = m_questionTime;
    answer.timedOut = timedOut;
    answer.hintsUsed = m_hintsShown;
    m_answers.push_back(std::move(answer));
    afterAnswer();
}

void Session::afterAnswer()
{
    if (m_config.mode == Mode::Tutor)
        m_phase = Phase::Feedback;
    else
        moveOn();
}

void Session::moveOn()
{
    ++m_index;
    m_selection.clear();
    m_hintsShown = 0;
    m_questionTime = std::chrono::milliseconds(0);
    m_phase = m_index >= m_plan.size() ? Phase::Finished : Phase::Asking;
}

SessionSummary Session::summarize() const
{
    SessionSummary summary;
    summary.totalTime = m_totalTime;
    for (std::size_t i = 0; i < m_plan.size(); ++i)
    {
        const PlannedQuestion& planned = m_plan[i];
        const AnswerRecord* answer = getAnswer(i);
        const double points = answer != nullptr ? answer->score.points : 0.0;
        const bool correct = answer != nullptr && answer->score.correct;
        summary.points += points;
        summary.maxPoints += planned.question.points;
        ++summary.questions;
        if (correct)
            ++summary.correct;
        else
            summary.missed.push_back({planned.packId, planned.question.id});
        if (answer != nullptr && answer->score.partial)
            ++summary.partial;
        if (answer != nullptr && answer->timedOut)
            ++summary.timedOut;
        if (answer != nullptr && answer->score.critical)
            ++summary.criticalErrors;

        auto topic = std::find_if(summary.topics.begin(), summary.topics.end(),
                                  [&planned](const TopicSummary& item)
                                  { return item.topicId == planned.question.topicId; });
        if (topic == summary.topics.end())
        {
            summary.topics.push_back({planned.question.topicId, planned.topicTitle});
            topic = summary.topics.end() - 1;
        }
        topic->points += points;
        topic->maxPoints += planned.question.points;
        ++topic->questions;
        if (correct)
            ++topic->correct;
    }
    if (summary.maxPoints > 0.0)
        summary.percent = 100.0 * summary.points / summary.maxPoints;
    return summary;
}

} // namespace quiz::core
