// A load program's command line, read option by option, and the checks of its values.
#pragma once

#include <string>
#include <string_view>

namespace bench {

class CommandLine {
public:
    CommandLine(int argc, char** argv) : m_argc(argc), m_argv(argv) {}

    // Moves to the next argument; false past the last.
    bool next() { return ++m_at < m_argc; }
    std::string_view arg() const { return m_argv[m_at]; }
    // The current option's value, the argument after it (which is skipped). Throws
    // std::invalid_argument "<option>: needs a value" after the last argument.
    std::string_view value();

private:
    int m_argc;
    char** m_argv;
    int m_at = 0;
};

// These throw std::invalid_argument naming the option when the value does not fit.
int positiveInt(std::string_view name, std::string_view value);
double positiveNumber(std::string_view name, std::string_view value);

// Where the server under load listens.
struct ServerUrl {
    std::string host;
    std::string port;
    bool https = false;
};

// http://HOST:PORT, https://HOST:PORT or HOST:PORT, any path ignored, [IPv6] unbracketed.
ServerUrl parseServerUrl(std::string_view url);

}  // namespace bench
