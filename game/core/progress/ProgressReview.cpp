// ProgressStore's spaced-review part: the review_states table is a cache of
// buildReviewStates(history), kept current inside each answer's transaction.
#include "ProgressDatabase.hpp"
#include "ProgressStore.hpp"

#include <sqlite3.h>

namespace quiz::core
{
namespace
{

const char* const kSelectStatesSql =
    "SELECT pack_id, question_id, rev, box, due_at, last_answered_at, answer_count, lapse_count, "
    "reason FROM review_states";

const char* const kUpsertStateSql =
    "INSERT OR REPLACE INTO review_states(pack_id, question_id, rev, box, due_at, "
    "last_answered_at, answer_count, lapse_count, reason) "
    "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

const char* const kReviewHistorySql =
    "SELECT id, pack_id, question_id, question_rev, correct, critical, confidence, answered_at "
    "FROM answers";

ReviewState readState(const SqlStatement& s)
{
    ReviewState state;
    state.key = {s.getText(0), s.getText(1)};
    state.rev = static_cast<int>(s.getInt(2));
    state.box = static_cast<int>(s.getInt(3));
    state.dueAtMs = s.getInt(4);
    state.lastAnsweredAtMs = s.getInt(5);
    state.answerCount = static_cast<int>(s.getInt(6));
    state.lapseCount = static_cast<int>(s.getInt(7));
    const std::int64_t reason = s.getInt(8);
    state.reason = reason >= 0 && reason <= static_cast<std::int64_t>(ReviewReason::Scheduled)
                       ? static_cast<ReviewReason>(reason)
                       : ReviewReason::Scheduled;
    return state;
}

int writeState(SqlDatabase& database, const ReviewState& state)
{
    SqlStatement s(database.get(), kUpsertStateSql);
    if (!s.isValid())
        return s.getPrepareCode();
    s.bind(1, state.key.packId);
    s.bind(2, state.key.questionId);
    s.bind(3, static_cast<std::int64_t>(state.rev));
    s.bind(4, static_cast<std::int64_t>(state.box));
    s.bind(5, state.dueAtMs);
    s.bind(6, state.lastAnsweredAtMs);
    s.bind(7, static_cast<std::int64_t>(state.answerCount));
    s.bind(8, static_cast<std::int64_t>(state.lapseCount));
    s.bind(9, static_cast<std::int64_t>(state.reason));
    return s.step();
}

// The answers the scheduler reads; `where` narrows them (bound to ?1 and ?2 when not empty).
int loadReviewAnswers(SqlDatabase& database, const QuestionKey* key,
                      std::vector<StoredAnswer>& history)
{
    const std::string sql =
        std::string(kReviewHistorySql) + (key ? " WHERE pack_id = ?1 AND question_id = ?2" : "");
    SqlStatement s(database.get(), sql.c_str());
    if (!s.isValid())
        return s.getPrepareCode();
    if (key != nullptr)
    {
        s.bind(1, key->packId);
        s.bind(2, key->questionId);
    }
    int code = SQLITE_ROW;
    while ((code = s.step()) == SQLITE_ROW)
    {
        StoredAnswer r;
        r.id = s.getInt(0);
        r.packId = s.getText(1);
        r.questionId = s.getText(2);
        r.questionRev = static_cast<int>(s.getInt(3));
        r.correct = s.getInt(4) != 0;
        r.critical = s.getInt(5) != 0;
        r.confidence = parseConfidence(s.getText(6)).value_or(Confidence::None);
        r.answeredAtMs = s.getInt(7);
        history.push_back(std::move(r));
    }
    return code == SQLITE_DONE ? SQLITE_OK : code;
}

} // namespace

int ProgressStore::updateReviewState(const StoredAnswer& record)
{
    const QuestionKey key{record.packId, record.questionId};
    SqlStatement select(
        m_database->get(),
        (std::string(kSelectStatesSql) + " WHERE pack_id = ?1 AND question_id = ?2").c_str());
    if (!select.isValid())
        return select.getPrepareCode();
    select.bind(1, key.packId);
    select.bind(2, key.questionId);
    const int code = select.step();
    if (code != SQLITE_ROW && code != SQLITE_DONE)
        return code;
    ReviewState next;
    if (code == SQLITE_ROW && record.answeredAtMs < readState(select).lastAnsweredAtMs)
    {
        // An answer dated before the last one (a clock set back) changes the replay order:
        // rebuild this question's state from its answers instead of appending.
        std::vector<StoredAnswer> answers;
        const int loaded = loadReviewAnswers(*m_database, &key, answers);
        if (loaded != SQLITE_OK)
            return loaded;
        next = buildReviewStates(answers).front();
    }
    else if (code == SQLITE_ROW)
    {
        const ReviewState previous = readState(select);
        next = applyAnswer(&previous, record);
    }
    else
    {
        next = applyAnswer(nullptr, record);
    }
    const int written = writeState(*m_database, next);
    return written == SQLITE_DONE ? SQLITE_OK : written;
}

Status ProgressStore::rebuildReviewStates()
{
    if (m_database->exec("BEGIN IMMEDIATE") != SQLITE_OK)
        return Status::failure(describeFailure("cannot update"));
    std::vector<StoredAnswer> history;
    int code = loadReviewAnswers(*m_database, nullptr, history);
    if (code == SQLITE_OK)
        code = m_database->exec("DELETE FROM review_states");
    if (code == SQLITE_OK)
    {
        for (const ReviewState& state : buildReviewStates(history))
        {
            code = writeState(*m_database, state);
            if (code != SQLITE_DONE)
                break;
            code = SQLITE_OK;
        }
    }
    if (code == SQLITE_OK)
        code = m_database->exec("COMMIT");
    if (code != SQLITE_OK)
    {
        const std::string message = describeFailure("cannot update");
        (void)m_database->exec("ROLLBACK");
        return Status::failure(message);
    }
    return Status::success();
}

Outcome<std::vector<ReviewState>> ProgressStore::getReviewStates() const
{
    SqlStatement s(m_database->get(), kSelectStatesSql);
    if (!s.isValid())
        return Outcome<std::vector<ReviewState>>::failure(describeFailure("cannot read"));
    std::vector<ReviewState> states;
    int code = SQLITE_ROW;
    while ((code = s.step()) == SQLITE_ROW)
        states.push_back(readState(s));
    if (code != SQLITE_DONE)
        return Outcome<std::vector<ReviewState>>::failure(describeFailure("cannot read"));
    return states;
}

Outcome<std::vector<DueQuestion>> ProgressStore::getDueQuestions(TimestampMs now,
                                                                 const RevisionMap* current) const
{
    Outcome<std::vector<ReviewState>> states = getReviewStates();
    if (!states.isOk())
        return Outcome<std::vector<DueQuestion>>::failure(states.getMessage());
    return selectDueQuestions(states.getValue(), now, current);
}

} // namespace quiz::core
