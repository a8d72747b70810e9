// PhysioNet WFDB annotation files in the MIT format (.atr, .gqrsl, .qrs...), as read by the ECG validation
// tests and tools: each annotation's sample number and code, with the skip, aux, num, sub and chan
// pseudo-annotations handled (WFDB Application Guide, annot(5)).
#pragma once

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace vigil::ecg {

struct Annotation
{
    std::int64_t sample = 0;
    int code = 0; // WFDB annotation code (1 NORMAL, 5 PVC, ...)
    int chan = 0;
    int num = 0;
};

std::optional<std::vector<Annotation>> readAnnotations(const QString &path, QString *error);
// Whether a code labels a QRS complex (WFDB isqrs(): N L R a V F J A S E j / Q e n f r ...).
bool isQrsCode(int code);

// Beat-by-beat comparison (ANSI/AAMI EC57 style): a detected beat matches a reference beat within the window;
// each reference and each detection matches at most once. Only beats in [from, to) are scored.
struct BeatComparison
{
    int truePositives = 0, falseNegatives = 0, falsePositives = 0;
    double sensitivity() const { return double(truePositives) / double(truePositives + falseNegatives); }
    double positivePredictivity() const
    {
        return double(truePositives) / double(truePositives + falsePositives);
    }
};
BeatComparison compareBeats(const std::vector<std::int64_t> &reference,
                            const std::vector<std::int64_t> &detected, std::int64_t window,
                            std::int64_t from = 0, std::int64_t to = INT64_MAX);

} // namespace vigil::ecg
