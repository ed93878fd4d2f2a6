// Setting up a class game's questions and writing its results: the parts of the class rules
// that touch packs and files' formats rather than the game's state machine.
#include "Classroom.hpp"
#include "core/session/Random.hpp"

#include <algorithm>
#include <sstream>

namespace quiz::core
{
namespace
{

/// Quotes a CSV cell when needed, and defuses cells a spreadsheet would evaluate.
std::string csvCell(const std::string& text)
{
    std::string value = text;
    if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' ||
                           value[0] == '@' || value[0] == '\t' || value[0] == '\r'))
        value.insert(value.begin(), '\'');
    if (value.find_first_of(",\"\n\r") == std::string::npos)
        return value;
    std::string quoted = "\"";
    for (char c : value)
    {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

std::string join(const std::vector<std::string>& items, char separator)
{
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i)
    {
        if (i > 0)
            out += separator;
        out += items[i];
    }
    return out;
}

const char* resultWord(const PlayerAnswer& answer)
{
    if (!answer.answered)
        return "none";
    if (answer.correct)
        return "correct";
    return answer.partial ? "partial" : "wrong";
}

/// The chosen option ids as the letters the class saw, in letter order.
std::string chosenLetters(const Question& question, const std::vector<std::string>& ids)
{
    std::vector<std::string> letters;
    for (std::size_t o = 0; o < question.options.size(); ++o)
    {
        if (std::find(ids.begin(), ids.end(), question.options[o].id) != ids.end())
            letters.push_back(classOptionLetter(o));
    }
    return join(letters, ';');
}

/// What a player chose as the class saw it: option letters, or an order or matching in the
/// letters of its items and choices ("CABD").
std::string answerLetters(const Classroom& classroom, std::size_t index, const PlayerAnswer& a)
{
    const Question& question = classroom.getQuestion(index);
    if (question.type == QuestionType::Ordering || question.type == QuestionType::Matching)
        return stepsLetters(question, classroom.getSteps(index), a.order, a.matches);
    return chosenLetters(question, a.optionIds);
}

} // namespace

std::string classOptionLetter(std::size_t position)
{
    return std::string(1, static_cast<char>('A' + static_cast<int>(position % 26)));
}

std::string formatOptionRow(const char* kind, std::size_t number, const Question& question,
                            std::size_t option, std::size_t count)
{
    std::ostringstream out;
    out << kind << ",,,,," << number << ',' << csvCell(question.id) << ','
        << csvCell(question.stem.toPlain()) << ',' << classOptionLetter(option) << ','
        << csvCell(question.options[option].text.toPlain()) << ",,"
        << (question.options[option].correct ? "correct" : "distractor") << ",,," << count << '\n';
    return out.str();
}

std::vector<Question> selectClassQuestions(const Pack& pack,
                                           const std::vector<std::string>& topicIds)
{
    std::vector<std::string> wanted;
    for (const std::string& topic : topicIds)
    {
        for (const std::string& id : pack.getTopicSubtree(topic))
            wanted.push_back(id);
    }
    std::vector<Question> questions;
    for (const Question& question : pack.questions)
    {
        if (question.status != QuestionStatus::Published)
            continue;
        if (!topicIds.empty() &&
            std::find(wanted.begin(), wanted.end(), question.topicId) == wanted.end())
            continue;
        questions.push_back(withCase(question, pack));
    }
    return questions;
}

std::vector<Question> pickClassQuestions(const Pack& pack, const std::vector<std::string>& topicIds,
                                         std::size_t count, std::uint32_t seed)
{
    std::vector<Question> questions = selectClassQuestions(pack, topicIds);
    Random random(seed);
    random.shuffle(questions);
    if (count > 0 && questions.size() > count)
        questions.resize(count);
    for (Question& question : questions)
    {
        if (!question.shuffle)
            continue;
        std::vector<bool> fixed;
        for (const Option& option : question.options)
            fixed.push_back(option.fixed);
        const std::vector<std::size_t> order = shuffledOrder(fixed, random);
        std::vector<Option> shuffled;
        for (std::size_t index : order)
            shuffled.push_back(question.options[index]);
        question.options = std::move(shuffled);
    }
    return questions;
}

std::string formatResultsCsv(const Classroom& classroom)
{
    std::ostringstream out;
    out << "kind,rank,nickname,score,correct,question,question_id,question_text,option,"
           "option_text,chosen,result,points,time_ms,count\n";
    const std::vector<ClassPlayer>& players = classroom.getPlayers();
    for (const ClassStanding& standing : classroom.getStandings())
    {
        const ClassPlayer& p = players[standing.player];
        out << "player," << standing.rank << ',' << csvCell(p.nickname) << ',' << p.score << ','
            << p.correctCount << ",,,,,,,,,,\n";
    }
    for (const ClassStanding& standing : classroom.getStandings())
    {
        const ClassPlayer& p = players[standing.player];
        for (std::size_t q = 0; q < classroom.getQuestionCount(); ++q)
        {
            if (classroom.getQuestionState(q) != QuestionState::Closed)
                continue;
            const Question& question = classroom.getQuestion(q);
            const PlayerAnswer& a = p.answers[q];
            out << "answer," << standing.rank << ',' << csvCell(p.nickname) << ",,," << q + 1 << ','
                << csvCell(question.id) << ',' << csvCell(question.stem.toPlain()) << ",,,"
                << csvCell(answerLetters(classroom, q, a)) << ',' << resultWord(a) << ','
                << a.points << ','
                << (a.answered ? std::to_string(a.elapsed.count()) : std::string()) << ",\n";
        }
    }
    for (std::size_t q = 0; q < classroom.getQuestionCount(); ++q)
    {
        if (classroom.getQuestionState(q) != QuestionState::Closed)
            continue;
        const Question& question = classroom.getQuestion(q);
        const QuestionStats& stats = classroom.getStats(q);
        for (std::size_t o = 0; o < question.options.size(); ++o)
            out << formatOptionRow("option", q + 1, question, o, stats.optionCounts[o]);
    }
    return out.str();
}

} // namespace quiz::core
