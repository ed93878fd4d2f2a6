#pragma once

// Puts the C library and the C++ global locale into German, where the decimal separator is a
// comma, for the life of the object, and restores both after. When no such locale is
// installed, one is compiled with localedef into a folder under the system's temporary
// directory and found through LOCPATH (glibc), once per process.
#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <locale>
#include <string>

namespace quiz::test
{

class CommaLocale
{
public:
    CommaLocale() : m_saved(std::setlocale(LC_ALL, nullptr)), m_savedCpp(std::locale())
    {
        m_set = trySet() || (compile() && trySet());
        std::locale::global(std::locale(std::locale::classic(), new CommaPoint));
    }
    ~CommaLocale()
    {
        std::locale::global(m_savedCpp);
        std::setlocale(LC_ALL, m_saved.c_str());
    }
    CommaLocale(const CommaLocale&) = delete;
    CommaLocale& operator=(const CommaLocale&) = delete;

    /// Whether the C library's locale now writes decimals with a comma.
    [[nodiscard]] bool isSet() const
    {
        return m_set && std::string(std::localeconv()->decimal_point) == ",";
    }

private:
    struct CommaPoint : std::numpunct<char>
    {
        char do_decimal_point() const override { return ','; }
        char do_thousands_sep() const override { return '.'; }
        std::string do_grouping() const override { return "\3"; }
    };

    static bool trySet()
    {
        for (const char* name : {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "de_DE"})
        {
            if (std::setlocale(LC_ALL, name) != nullptr)
                return true;
        }
        return false;
    }

    static bool compile()
    {
        const std::filesystem::path folder =
            std::filesystem::temp_directory_path() / "heparin-quiz-test-locales";
        std::error_code ec;
        std::filesystem::create_directories(folder, ec);
        if (!std::filesystem::exists(folder / "de_DE.UTF-8"))
        {
            const std::string command = "localedef -i de_DE -f UTF-8 '" +
                                        (folder / "de_DE.UTF-8").string() + "' >/dev/null 2>&1";
            if (std::system(command.c_str()) != 0 &&
                !std::filesystem::exists(folder / "de_DE.UTF-8" / "LC_NUMERIC"))
                return false;
        }
        return setenv("LOCPATH", folder.c_str(), 1) == 0;
    }

    std::string m_saved;
    std::locale m_savedCpp;
    bool m_set = false;
};

} // namespace quiz::test
