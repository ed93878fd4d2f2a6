#include "ProgressDatabase.hpp"

#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <unistd.h>

namespace quiz::core
{

SqlStatement::SqlStatement(sqlite3* database, const char* sql)
{
    m_prepareCode = sqlite3_prepare_v2(database, sql, -1, &m_statement, nullptr);
    if (m_prepareCode != SQLITE_OK)
    {
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
    }
}

SqlStatement::~SqlStatement()
{
    sqlite3_finalize(m_statement);
}

void SqlStatement::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(m_statement, index, value);
}

void SqlStatement::bind(int index, double value)
{
    sqlite3_bind_double(m_statement, index, value);
}

void SqlStatement::bind(int index, const std::string& value)
{
    sqlite3_bind_text(m_statement, index, value.data(), static_cast<int>(value.size()),
                      SQLITE_TRANSIENT);
}

int SqlStatement::step()
{
    return sqlite3_step(m_statement);
}

void SqlStatement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

std::int64_t SqlStatement::getInt(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

double SqlStatement::getDouble(int column) const
{
    return sqlite3_column_double(m_statement, column);
}

std::string SqlStatement::getText(int column) const
{
    const unsigned char* text = sqlite3_column_text(m_statement, column);
    const int size = sqlite3_column_bytes(m_statement, column);
    if (text == nullptr || size <= 0)
        return {};
    return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}

SqlDatabase::~SqlDatabase()
{
    close();
}

int SqlDatabase::open(const std::string& path, bool create)
{
    close();
    const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
    const int code = sqlite3_open_v2(path.c_str(), &m_database, flags, nullptr);
    if (code == SQLITE_OK)
        sqlite3_extended_result_codes(m_database, 0);
    return code;
}

void SqlDatabase::close()
{
    if (m_database != nullptr)
        sqlite3_close_v2(m_database);
    m_database = nullptr;
}

int SqlDatabase::exec(const std::string& sql)
{
    return sqlite3_exec(m_database, sql.c_str(), nullptr, nullptr, nullptr);
}

std::string SqlDatabase::queryText(const std::string& sql, int& code)
{
    SqlStatement statement(m_database, sql.c_str());
    if (!statement.isValid())
    {
        code = statement.getPrepareCode();
        return {};
    }
    code = statement.step();
    if (code == SQLITE_ROW)
    {
        code = SQLITE_OK;
        return statement.getText(0);
    }
    if (code == SQLITE_DONE)
        code = SQLITE_OK;
    return {};
}

std::string SqlDatabase::getError() const
{
    if (m_database == nullptr)
        return "the database is not open";
    return sqlite3_errmsg(m_database);
}

int SqlDatabase::getErrorCode() const
{
    return m_database == nullptr ? SQLITE_MISUSE : (sqlite3_errcode(m_database) & 0xFF);
}

int SqlDatabase::getSystemErrno() const
{
    return m_database == nullptr ? 0 : sqlite3_system_errno(m_database);
}

bool isCorruptionCode(int code)
{
    const int primary = code & 0xFF;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

std::string describeStorageProblem(int code, int systemErrno, const std::string& fallback)
{
    const int primary = code & 0xFF;
    std::string reason;
    if (systemErrno == ENOSPC || systemErrno == EDQUOT || primary == SQLITE_FULL)
        reason = "the disk is full";
    else if (systemErrno == EROFS)
        reason = "the profile folder is on a read-only file system";
    else if (systemErrno == EACCES || systemErrno == EPERM)
        reason = "the file or its folder is read-only to this user (" +
                 std::string(std::strerror(systemErrno)) + ")";
    else if (primary == SQLITE_PERM || primary == SQLITE_READONLY || primary == SQLITE_AUTH)
        reason = "the file or its folder is read-only to this user";
    else if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        reason = "another program holds it locked";
    else if (primary == SQLITE_IOERR)
        reason = "the disk reported an input/output error";
    else if (primary == SQLITE_CANTOPEN)
        reason = "the file cannot be opened";
    else
        return fallback;
    return fallback.empty() ? reason : reason + " (" + fallback + ")";
}

std::string findUnwritable(const std::string& path)
{
    namespace fs = std::filesystem;
    const fs::path file(path);
    for (const fs::path& target : {file, fs::path(path + "-wal"), file.parent_path()})
    {
        std::error_code ec;
        if (!fs::exists(target, ec))
            continue;
        errno = 0;
        if (::access(target.c_str(), W_OK) != 0)
            return describeStorageProblem(SQLITE_READONLY, errno, {});
    }
    return {};
}

} // namespace quiz::core
