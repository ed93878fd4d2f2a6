#pragma once

#include <cstdint>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace quiz::core
{

/// A prepared SQLite statement, finalized on destruction. Internal to the progress code:
/// callers of ProgressStore never see SQL.
class SqlStatement
{
public:
    SqlStatement(sqlite3* database, const char* sql);
    ~SqlStatement();
    SqlStatement(const SqlStatement&) = delete;
    SqlStatement& operator=(const SqlStatement&) = delete;

    /// SQLITE_OK when the statement compiled; otherwise getError() says why.
    [[nodiscard]] int getPrepareCode() const { return m_prepareCode; }
    [[nodiscard]] bool isValid() const { return m_statement != nullptr; }

    void bind(int index, std::int64_t value);
    void bind(int index, double value);
    void bind(int index, const std::string& value);

    /// SQLITE_ROW, SQLITE_DONE or an error code.
    [[nodiscard]] int step();
    /// Clears bindings and rewinds, so the statement can run again.
    void reset();

    [[nodiscard]] std::int64_t getInt(int column) const;
    [[nodiscard]] double getDouble(int column) const;
    [[nodiscard]] std::string getText(int column) const;

private:
    sqlite3_stmt* m_statement = nullptr;
    int m_prepareCode = 0;
};

/// An open SQLite connection, closed on destruction.
class SqlDatabase
{
public:
    SqlDatabase() = default;
    ~SqlDatabase();
    SqlDatabase(const SqlDatabase&) = delete;
    SqlDatabase& operator=(const SqlDatabase&) = delete;

    /// Opens (creating when `create`) the file; returns the SQLite result code.
    [[nodiscard]] int open(const std::string& path, bool create);
    void close();
    [[nodiscard]] sqlite3* get() const { return m_database; }

    /// Runs one or more statements that return no rows; returns the SQLite result code.
    [[nodiscard]] int exec(const std::string& sql);
    /// The first column of the first row of a query, as text ("" when there is no row), and
    /// the result code in `code`.
    [[nodiscard]] std::string queryText(const std::string& sql, int& code);
    /// The connection's last error message.
    [[nodiscard]] std::string getError() const;
    /// The connection's last result code (primary code) and the operating system's errno
    /// behind it (0 when there was none).
    [[nodiscard]] int getErrorCode() const;
    [[nodiscard]] int getSystemErrno() const;

private:
    sqlite3* m_database = nullptr;
};

/// True only for the result codes that mean the file itself is damaged or not a database
/// (SQLITE_CORRUPT, SQLITE_NOTADB). A full disk, an I/O error, a read-only file or folder, a
/// missing permission or a lock is not damage: such a file is left exactly as it is.
[[nodiscard]] bool isCorruptionCode(int code);

/// Why the disk refused a read or write, in the player's words ("the disk is full", "the
/// profile folder is on a read-only file system", ...), from the SQLite code and the errno
/// behind it; `fallback` (SQLite's own message) is added in brackets.
[[nodiscard]] std::string describeStorageProblem(int code, int systemErrno,
                                                 const std::string& fallback);

/// Why the database at `path`, its write-ahead log or its folder cannot be written (read-only
/// file system, missing permission, immutable file), or "" when all three can. SQLite's errno
/// is often overwritten by the time it reports, so the files themselves are asked.
[[nodiscard]] std::string findUnwritable(const std::string& path);

} // namespace quiz::core
