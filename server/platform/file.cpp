#include "server/platform/file.h"

#include <fstream>
#include <stdexcept>
#include <string>

#if !defined(_WIN32)
#include <fcntl.h>
#include <unistd.h>
#endif

namespace server::platform {
namespace {

[[noreturn]] void cannotWrite(const std::filesystem::path& file) {
    throw std::runtime_error("cannot write " + file.string());
}

}  // namespace

void writeFileAtomically(const std::filesystem::path& path, std::string_view bytes,
                         bool ownerOnly) {
    const auto temporary = std::filesystem::path(path.string() + ".tmp");
#if defined(_WIN32)
    (void)ownerOnly;
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out)
            cannotWrite(temporary);
    }
#else
    // The mode is given at creation: a secret is never readable by others, not even briefly.
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC, ownerOnly ? 0600 : 0644);
    if (fd < 0)
        cannotWrite(temporary);
    std::size_t done = 0;
    while (done < bytes.size()) {
        const auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0) {
            ::close(fd);
            cannotWrite(temporary);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        ::close(fd);
        cannotWrite(temporary);
    }
    ::close(fd);
#endif
    std::filesystem::rename(temporary, path);
}

}  // namespace server::platform
