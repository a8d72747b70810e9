// Argon2id through libargon2's encoded API, HOTP/TOTP through OpenSSL's one-shot HMAC.
#include "Credentials.h"

#include <QUrl>

#include <argon2.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <vector>

namespace vigil::security {

QByteArray randomBytes(int n)
{
    QByteArray b(n, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(b.data()), n) != 1)
        qFatal("RAND_bytes failed: no randomness for secrets");
    return b;
}

QByteArray hashPassword(const QByteArray &password, const Argon2Params &params, const QByteArray &saltIn)
{
    const QByteArray salt = saltIn.isEmpty() ? randomBytes(int(params.saltLen)) : saltIn;
    const size_t len = argon2_encodedlen(params.timeCost, params.memoryKiB, params.lanes,
                                         std::uint32_t(salt.size()), params.hashLen, Argon2_id);
    std::vector<char> encoded(len + 1, '\0');
    const int rc = argon2id_hash_encoded(params.timeCost, params.memoryKiB, params.lanes,
                                         password.constData(), size_t(password.size()), salt.constData(),
                                         size_t(salt.size()), params.hashLen, encoded.data(), encoded.size());
    if (rc != ARGON2_OK)
        return {};
    return QByteArray(encoded.data());
}

bool verifyPassword(const QByteArray &encoded, const QByteArray &password)
{
    if (!encoded.startsWith("$argon2id$"))
        return false;
    return argon2id_verify(encoded.constData(), password.constData(), size_t(password.size())) == ARGON2_OK;
}

namespace {
const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

const EVP_MD *md(OtpAlgorithm alg)
{
    switch (alg) {
    case OtpAlgorithm::Sha256:
        return EVP_sha256();
    case OtpAlgorithm::Sha512:
        return EVP_sha512();
    case OtpAlgorithm::Sha1:
        break;
    }
    return EVP_sha1();
}
} // namespace

QString base32Encode(const QByteArray &bytes)
{
    QString out;
    quint32 buffer = 0;
    int bits = 0;
    for (const char c : bytes) {
        buffer = (buffer << 8) | quint8(c);
        bits += 8;
        while (bits >= 5) {
            out += QLatin1Char(kAlphabet[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
    }
    if (bits > 0)
        out += QLatin1Char(kAlphabet[(buffer << (5 - bits)) & 31]);
    return out;
}

std::optional<QByteArray> base32Decode(const QString &text)
{
    QByteArray out;
    quint32 buffer = 0;
    int bits = 0;
    for (const QChar ch : text) {
        if (ch == u' ' || ch == u'=' || ch == u'-')
            continue;
        const char c = char(ch.toUpper().toLatin1());
        int v;
        if (c >= 'A' && c <= 'Z')
            v = c - 'A';
        else if (c >= '2' && c <= '7')
            v = 26 + c - '2';
        else
            return std::nullopt;
        buffer = (buffer << 5) | quint32(v);
        bits += 5;
        if (bits >= 8) {
            out += char((buffer >> (bits - 8)) & 0xff);
            bits -= 8;
        }
    }
    return out;
}

QString hotp(const QByteArray &key, quint64 counter, int digits, OtpAlgorithm alg)
{
    unsigned char msg[8];
    for (int i = 7; i >= 0; --i) {
        msg[i] = static_cast<unsigned char>(counter & 0xff);
        counter >>= 8;
    }
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int macLen = 0;
    if (!HMAC(md(alg), key.constData(), int(key.size()), msg, sizeof msg, mac, &macLen) || macLen < 20)
        return {};
    const int offset = mac[macLen - 1] & 0x0f;
    const quint32 binary = (quint32(mac[offset] & 0x7f) << 24) | (quint32(mac[offset + 1]) << 16) |
                           (quint32(mac[offset + 2]) << 8) | quint32(mac[offset + 3]);
    quint32 mod = 1;
    for (int i = 0; i < digits; ++i)
        mod *= 10;
    return QStringLiteral("%1").arg(binary % mod, digits, 10, QLatin1Char('0'));
}

QString totp(const QByteArray &key, qint64 unixTime, int digits, int stepS, OtpAlgorithm alg)
{
    return hotp(key, quint64(unixTime / stepS), digits, alg);
}

std::optional<qint64> verifyTotp(const QByteArray &key, const QString &code, qint64 unixTime, int skewSteps,
                                 qint64 lastUsedStep, int digits, int stepS)
{
    const QString given = code.trimmed();
    if (given.size() != digits)
        return std::nullopt;
    const qint64 now = unixTime / stepS;
    std::optional<qint64> match;
    // Every candidate is computed and compared in constant time, so the timing does not tell which matched.
    for (qint64 s = now - skewSteps; s <= now + skewSteps; ++s) {
        const QString expect = hotp(key, quint64(s), digits);
        const QByteArray a = expect.toLatin1(), b = given.toLatin1();
        if (a.size() == b.size() && CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0 &&
            s > lastUsedStep && !match)
            match = s;
    }
    return match;
}

QString otpauthUri(const QString &issuer, const QString &account, const QByteArray &key, int digits,
                   int stepS)
{
    // Built by concatenation: the percent-encoded label contains '%3A', which QString::arg would take
    // for a placeholder.
    const QString label = QString::fromLatin1(QUrl::toPercentEncoding(issuer + u':' + account, "@"));
    return QStringLiteral("otpauth://totp/") + label + QStringLiteral("?secret=") + base32Encode(key) +
           QStringLiteral("&issuer=") + QString::fromLatin1(QUrl::toPercentEncoding(issuer)) +
           QStringLiteral("&algorithm=SHA1&digits=") + QString::number(digits) + QStringLiteral("&period=") +
           QString::number(stepS);
}

} // namespace vigil::security
