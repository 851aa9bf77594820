#include "server/net/self_signed_certificate.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>

#include "server/platform/file.h"

namespace server::net {
namespace {

template <class T, void (*Free)(T*)>
using Owned = std::unique_ptr<T, std::integral_constant<decltype(Free), Free>>;
using KeyPtr = Owned<EVP_PKEY, EVP_PKEY_free>;
using CertPtr = Owned<X509, X509_free>;
using ExtPtr = Owned<X509_EXTENSION, X509_EXTENSION_free>;

struct FileCloser {
    void operator()(FILE* f) const { std::fclose(f); }
};

[[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error("tls: " + what);
}

void addExtension(X509* cert, int nid, const char* value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    ExtPtr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
    if (!ext || !X509_add_ext(cert, ext.get(), -1))
        fail(std::string("cannot add ") + value);
}

CertPtr makeCertificate(EVP_PKEY* key) {
    CertPtr cert(X509_new());
    if (!cert)
        fail("out of memory");
    X509_set_version(cert.get(), 2);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f;  // a positive serial number
    Owned<BIGNUM, BN_free> bn(BN_bin2bn(serial, sizeof serial, nullptr));
    BN_to_ASN1_INTEGER(bn.get(), X509_get_serialNumber(cert.get()));
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 10L * 365 * 24 * 3600);
    X509_set_pubkey(cert.get(), key);
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("localhost"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("Messenger server"), -1, -1,
                               0);
    X509_set_issuer_name(cert.get(), name);
    addExtension(cert.get(), NID_basic_constraints, "critical,CA:FALSE");
    addExtension(cert.get(), NID_key_usage, "critical,digitalSignature");
    addExtension(cert.get(), NID_ext_key_usage, "serverAuth");
    addExtension(cert.get(), NID_subject_key_identifier, "hash");
    addExtension(cert.get(), NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1");
    if (!X509_sign(cert.get(), key, EVP_sha256()))
        fail("cannot sign the certificate");
    return cert;
}

using BioPtr = Owned<BIO, BIO_free_all>;

// The PEM text `write` puts in a memory BIO; the file is then written whole (platform/file.h).
template <class WriteFn>
std::string pemText(WriteFn write) {
    const BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || !write(bio.get()))
        fail("cannot encode PEM");
    char* data = nullptr;
    const auto size = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(size));
}

void writeAtomically(const std::filesystem::path& path, const std::string& text, bool ownerOnly) {
    try {
        platform::writeFileAtomically(path, text, ownerOnly);
    } catch (const std::exception& error) {
        fail(error.what());
    }
}

}  // namespace

void writeSelfSignedCertificate(const std::filesystem::path& certFile,
                                const std::filesystem::path& keyFile) {
    KeyPtr key(EVP_EC_gen("P-256"));
    if (!key)
        fail("cannot generate a P-256 key");
    const CertPtr cert = makeCertificate(key.get());
    writeAtomically(keyFile, pemText([&](BIO* b) {
                        return PEM_write_bio_PrivateKey(b, key.get(), nullptr, nullptr, 0, nullptr,
                                                        nullptr) == 1;
                    }),
                    true);
    writeAtomically(certFile,
                    pemText([&](BIO* b) { return PEM_write_bio_X509(b, cert.get()) == 1; }), false);
}

std::string certificateFingerprint(const std::filesystem::path& certFile) {
    std::unique_ptr<FILE, FileCloser> file(std::fopen(certFile.c_str(), "r"));
    if (!file)
        fail("cannot read " + certFile.string());
    CertPtr cert(PEM_read_X509(file.get(), nullptr, nullptr, nullptr));
    if (!cert)
        fail("no PEM certificate in " + certFile.string());
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!X509_digest(cert.get(), EVP_sha256(), digest, &length))
        fail("cannot hash certificate");
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned int i = 0; i < length; ++i) {
        if (i)
            out += ':';
        out += kHex[digest[i] >> 4];
        out += kHex[digest[i] & 0xf];
    }
    return out;
}

}  // namespace server::net
