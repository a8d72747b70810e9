// Password / PIN hashing (Argon2id, libargon2) and one-time codes (TOTP, RFC 6238 over HOTP, RFC 4226,
// HMAC from OpenSSL). Parameters and why: docs/SECURITY.md.
#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <cstdint>
#include <optional>

namespace vigil::security {

// Argon2id cost. The defaults cost 100-300 ms per check on the station's 2-core machine (measured with
// bench_security, docs/PERFORMANCE.md): 32 MiB memory, 3 passes, 1 lane, 16-byte salt, 32-byte hash.
struct Argon2Params
{
    std::uint32_t timeCost = 3;
    std::uint32_t memoryKiB = 32 * 1024;
    std::uint32_t lanes = 1;
    std::uint32_t hashLen = 32;
    std::uint32_t saltLen = 16;
};

QByteArray randomBytes(int n); // OpenSSL RAND_bytes

// The PHC string "$argon2id$v=19$m=...,t=...,p=...$salt$hash" (the format of the `argon2 -e` tool), or
// empty on failure. salt empty = a fresh random salt of params.saltLen bytes.
QByteArray hashPassword(const QByteArray &password, const Argon2Params &params = {},
                        const QByteArray &salt = {});
// Constant-time check against a PHC string (the parameters come from the string).
bool verifyPassword(const QByteArray &encoded, const QByteArray &password);

// ---- TOTP ----
enum class OtpAlgorithm { Sha1, Sha256, Sha512 };

QString base32Encode(const QByteArray &bytes);               // RFC 4648, no padding
std::optional<QByteArray> base32Decode(const QString &text); // ignores spaces and '=', case-insensitive

// HOTP (RFC 4226) of counter with `digits` digits (6-8), zero-padded.
QString hotp(const QByteArray &key, quint64 counter, int digits = 6, OtpAlgorithm alg = OtpAlgorithm::Sha1);
// TOTP (RFC 6238): counter = (unixTime - t0) / step.
QString totp(const QByteArray &key, qint64 unixTime, int digits = 6, int stepS = 30,
             OtpAlgorithm alg = OtpAlgorithm::Sha1);

// Accepts a code for the time steps within +-skewSteps of now, later than lastUsedStep (a code is
// accepted once: replay protection). Returns the matched step.
std::optional<qint64> verifyTotp(const QByteArray &key, const QString &code, qint64 unixTime,
                                 int skewSteps = 1, qint64 lastUsedStep = -1, int digits = 6, int stepS = 30);

// otpauth://totp/ISSUER:ACCOUNT?secret=...&issuer=...&algorithm=SHA1&digits=6&period=30 (for the QR code).
QString otpauthUri(const QString &issuer, const QString &account, const QByteArray &key, int digits = 6,
                   int stepS = 30);

} // namespace vigil::security
