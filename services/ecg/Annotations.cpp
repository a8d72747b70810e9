// MIT-format annotation reader and the EC57-style beat comparison (see Annotations.h).
#include "Annotations.h"

#include <QFile>

#include <algorithm>
#include <cstdlib>

namespace vigil::ecg {

namespace {
constexpr int kSkip = 59, kNum = 60, kSub = 61, kChn = 62, kAux = 63;
}

bool isQrsCode(int code)
{
    switch (code) {
    case 1:
    case 2:
    case 3:
    case 4:
    case 5:
    case 6:
    case 7:
    case 8:
    case 9:
    case 10:
    case 11:
    case 12:
    case 13:
    case 25:
    case 30:
    case 34:
    case 35:
    case 37:
    case 38:
    case 41:
        return true;
    default:
        return false;
    }
}

std::optional<std::vector<Annotation>> readAnnotations(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = path + QStringLiteral(": ") + f.errorString();
        return std::nullopt;
    }
    const QByteArray d = f.readAll();
    std::vector<Annotation> out;
    std::int64_t t = 0;
    int chan = 0, num = 0;
    auto word = [&](qsizetype i) { return int(quint8(d[i])) | (int(quint8(d[i + 1])) << 8); };
    qsizetype i = 0;
    while (i + 1 < d.size()) {
        const int w = word(i);
        i += 2;
        const int a = w >> 10, n = w & 0x3ff;
        if (a == 0 && n == 0)
            break;
        switch (a) {
        case kSkip: {
            if (i + 3 >= d.size())
                break;
            // PDP-11 long: high word first, each word little-endian.
            const std::int32_t v = std::int32_t((quint32(word(i)) << 16) | quint32(word(i + 2)));
            i += 4;
            t += v;
            break;
        }
        case kNum:
            num = n;
            break;
        case kSub:
            break;
        case kChn:
            chan = n;
            break;
        case kAux:
            i += n + (n & 1);
            break;
        default:
            t += n;
            out.push_back({t, a, chan, num});
            break;
        }
    }
    return out;
}

BeatComparison compareBeats(const std::vector<std::int64_t> &reference,
                            const std::vector<std::int64_t> &detected, std::int64_t window, std::int64_t from,
                            std::int64_t to)
{
    BeatComparison c;
    std::vector<bool> used(detected.size(), false);
    std::size_t j0 = 0;
    for (std::int64_t r : reference) {
        while (j0 < detected.size() && detected[j0] < r - window)
            ++j0;
        // The nearest unused detection within the window.
        std::int64_t bestD = window + 1;
        std::size_t best = detected.size();
        for (std::size_t j = j0; j < detected.size() && detected[j] <= r + window; ++j)
            if (!used[j] && std::llabs(detected[j] - r) < bestD)
                bestD = std::llabs(detected[j] - r), best = j;
        const bool scored = r >= from && r < to;
        if (best < detected.size()) {
            used[best] = true;
            if (scored)
                ++c.truePositives;
        } else if (scored) {
            ++c.falseNegatives;
        }
    }
    for (std::size_t j = 0; j < detected.size(); ++j)
        if (!used[j] && detected[j] >= from && detected[j] < to)
            ++c.falsePositives;
    return c;
}

} // namespace vigil::ecg
