// The server's own TLS certificate: made once in the data folder, fingerprinted for the client.
#pragma once

#include <filesystem>
#include <string>

namespace server::net {

// Writes a new EC P-256 key (mode 0600) and a 10-year self-signed certificate for localhost,
// 127.0.0.1 and ::1. Each file is written whole or not at all. Throws std::runtime_error.
void writeSelfSignedCertificate(const std::filesystem::path& certFile,
                                const std::filesystem::path& keyFile);

// The SHA-256 of the first certificate in a PEM file, as "AB:CD:...". Throws std::runtime_error.
std::string certificateFingerprint(const std::filesystem::path& certFile);

}  // namespace server::net
