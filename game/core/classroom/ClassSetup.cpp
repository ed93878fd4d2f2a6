#include "ClassSetup.hpp"

#include "core/progress/ProgressExport.hpp"
#include "core/session/Random.hpp"

#include <algorithm>
#include <filesystem>
#include <sstream>

namespace quiz::core
{
namespace
{

/// Whether `selections` name `pack`, and which of its topics: `topics` stays empty when the
/// whole pack is chosen (a whole-pack selection beats any topic of the same pack).
bool selectedTopics(const Pack& pack, const std::vector<TopicSelection>& selections,
                    std::vector<std::string>& topics)
{
    bool chosen = false;
    bool whole = false;
    for (const TopicSelection& selection : selections)
    {
        if (selection.packId != pack.id)
            continue;
        chosen = true;
        if (selection.topicId.empty())
            whole = true;
        else
            topics.push_back(selection.topicId);
    }
    if (whole)
        topics.clear();
    return chosen;
}

} // namespace

std::vector<Question> pickClassQuestions(const std::vector<Pack>& packs,
                                         const std::vector<TopicSelection>& selections,
                                         std::size_t count, std::uint32_t seed)
{
    std::vector<Question> all;
    for (const Pack& pack : packs)
    {
        std::vector<std::string> topics;
        if (!selectedTopics(pack, selections, topics))
            continue;
        // Each pack's own shuffle of options is kept; the order across packs is shuffled below.
        for (Question& question : pickClassQuestions(pack, topics, 0, seed))
            all.push_back(std::move(question));
    }
    Random random(seed ^ 0x9E3779B9U);
    random.shuffle(all);
    if (count > 0 && all.size() > count)
        all.resize(count);
    return all;
}

std::string makeClassCode(std::uint32_t seed)
{
    const std::string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    Random random(seed);
    std::string code;
    for (int i = 0; i < 6; ++i)
        code += alphabet[random.below(static_cast<std::uint32_t>(alphabet.size()))];
    return code;
}

std::string normalizeClassCode(const std::string& typed)
{
    std::string code;
    for (const char c : typed)
    {
        if (c == ' ' || c == '\t')
            continue;
        code += c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    }
    return code;
}

std::string classResultsPath(const std::string& dir, const std::string& label, TimestampMs now,
                             int utcOffsetMinutes)
{
    const std::string iso = formatTimestampUtc(now + TimestampMs{utcOffsetMinutes} * 60000);
    std::string stamp; // YYYY-MM-DDTHH:MM:SS.mmmZ -> YYYYMMDD-HHMMSS
    for (std::size_t i = 0; i < 19 && i < iso.size(); ++i)
    {
        if (iso[i] == 'T')
            stamp += '-';
        else if (iso[i] != '-' && iso[i] != ':')
            stamp += iso[i];
    }
    const std::string base = dir + "/class-results-" + label + "-" + stamp;
    std::string path = base + ".csv";
    std::error_code ignored;
    for (int n = 2; std::filesystem::exists(path, ignored); ++n)
        path = base + "-" + std::to_string(n) + ".csv";
    return path;
}

std::vector<std::string> defaultTeamNames(std::size_t count)
{
    std::vector<std::string> names;
    for (std::size_t i = 0; i < std::clamp<std::size_t>(count, 2, 8); ++i)
        names.push_back("Team " + std::to_string(i + 1));
    return names;
}

HandTally::HandTally(const Classroom& classroom)
{
    for (std::size_t q = 0; q < classroom.getQuestionCount(); ++q)
        m_counts.emplace_back(classroom.getQuestion(q).options.size(), 0);
}

void HandTally::adjust(std::size_t question, std::size_t position, int delta)
{
    if (question >= m_counts.size() || position >= m_counts[question].size())
        return;
    std::size_t& count = m_counts[question][position];
    if (delta < 0)
        count -= std::min(count, static_cast<std::size_t>(-delta));
    else
        count += static_cast<std::size_t>(delta);
}

std::size_t HandTally::get(std::size_t question, std::size_t position) const
{
    if (question >= m_counts.size() || position >= m_counts[question].size())
        return 0;
    return m_counts[question][position];
}

std::size_t HandTally::total(std::size_t question) const
{
    std::size_t sum = 0;
    if (question < m_counts.size())
    {
        for (std::size_t count : m_counts[question])
            sum += count;
    }
    return sum;
}

std::vector<std::size_t> roomDistribution(const Classroom& classroom, const HandTally& hands,
                                          std::size_t question)
{
    std::vector<std::size_t> counts = classroom.getStats(question).optionCounts;
    counts.resize(classroom.getQuestion(question).options.size(), 0);
    for (std::size_t o = 0; o < counts.size(); ++o)
        counts[o] += hands.get(question, o);
    return counts;
}

std::string formatResultsCsv(const Classroom& classroom, const HandTally& hands)
{
    std::ostringstream out;
    out << formatResultsCsv(classroom);
    for (std::size_t q = 0; q < classroom.getQuestionCount(); ++q)
    {
        if (classroom.getQuestionState(q) != QuestionState::Closed || hands.total(q) == 0)
            continue;
        const Question& question = classroom.getQuestion(q);
        for (std::size_t o = 0; o < question.options.size(); ++o)
            out << formatOptionRow("hands", q + 1, question, o, hands.get(q, o));
    }
    return out.str();
}

} // namespace quiz::core
