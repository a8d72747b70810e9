// Minimal WFDB reader for the codec test and benchmark only: header lines plus format-212 signal files
// (two 12-bit samples in 3 bytes, frames interleaved, "212xN" = N samples per frame). The station's real
// reader lives in services/wfdb; this one exists so the codec tests do not depend on it.
#pragma once

#include <cstdint>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace vigil::codec::testing {

struct MiniSignal
{
    std::string description;
    int samplesPerFrame = 1;
    double frequency = 0;   // samples per second of this signal (frame rate x samples per frame)
    int headerChecksum = 0; // 16-bit sum of all samples, as the header states
    std::vector<std::int32_t> samples;
};

struct MiniRecord
{
    std::string name;
    double frameFrequency = 0;
    std::vector<MiniSignal> channels;
};

// Reads <dir>/<record>.hea and its single format-212 .dat. Skew and byte offsets are not applied: the codec
// only needs each signal's sample sequence, not their alignment. Returns false with a message on error.
inline bool readMiniRecord(const std::string &dir, const std::string &record, MiniRecord &out,
                           std::string &error)
{
    out = MiniRecord{};
    out.name = record;
    std::ifstream hea(dir + "/" + record + ".hea");
    if (!hea) {
        error = "cannot open " + dir + "/" + record + ".hea";
        return false;
    }
    std::string line, datFile;
    bool haveRecordLine = false;
    while (std::getline(hea, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#')
            continue;
        std::istringstream in(line);
        if (!haveRecordLine) {
            std::string name, freq;
            int nsig = 0;
            in >> name >> nsig >> freq;
            out.frameFrequency = freq.empty() ? 250.0 : std::stod(freq.substr(0, freq.find_first_of("/(")));
            haveRecordLine = true;
            continue;
        }
        std::string file, format, gain, bits, zero, initial, checksum, blockSize, desc;
        in >> file >> format >> gain >> bits >> zero >> initial >> checksum >> blockSize;
        std::getline(in, desc);
        if (format.rfind("212", 0) != 0) {
            error = "format " + format + " is not 212";
            return false;
        }
        if (!datFile.empty() && file != datFile) {
            error = "channels spread over several files";
            return false;
        }
        datFile = file;
        MiniSignal s;
        const auto x = format.find('x');
        s.samplesPerFrame = x == std::string::npos ? 1 : std::stoi(format.substr(x + 1));
        s.headerChecksum = checksum.empty() ? 0 : std::stoi(checksum);
        s.description = desc.substr(
            desc.find_first_not_of(" \t") == std::string::npos ? desc.size() : desc.find_first_not_of(" \t"));
        s.frequency = out.frameFrequency * s.samplesPerFrame;
        out.channels.push_back(std::move(s));
    }
    if (out.channels.empty()) {
        error = "no channels in " + record + ".hea";
        return false;
    }

    std::ifstream dat(dir + "/" + datFile, std::ios::binary);
    if (!dat) {
        error = "cannot open " + dir + "/" + datFile;
        return false;
    }
    const std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(dat)),
                                           std::istreambuf_iterator<char>());
    std::vector<std::int32_t> flat;
    flat.reserve(bytes.size() / 3 * 2);
    for (std::size_t i = 0; i + 2 < bytes.size(); i += 3) {
        const int a = bytes[i] | ((bytes[i + 1] & 0x0f) << 8);
        const int b = bytes[i + 2] | ((bytes[i + 1] & 0xf0) << 4);
        flat.push_back(a >= 2048 ? a - 4096 : a);
        flat.push_back(b >= 2048 ? b - 4096 : b);
    }
    std::size_t frameSize = 0;
    for (const auto &s : out.channels)
        frameSize += static_cast<std::size_t>(s.samplesPerFrame);
    const std::size_t frames = flat.size() / frameSize;
    std::size_t column = 0;
    for (auto &s : out.channels) {
        const auto spf = static_cast<std::size_t>(s.samplesPerFrame);
        s.samples.resize(frames * spf);
        for (std::size_t f = 0; f < frames; ++f)
            for (std::size_t k = 0; k < spf; ++k)
                s.samples[f * spf + k] = flat[f * frameSize + column + k];
        column += spf;
    }
    return true;
}

// The WFDB header checksum: the 16-bit two's-complement sum of a signal's samples.
inline int wfdbChecksum(const std::vector<std::int32_t> &samples)
{
    std::uint16_t sum = 0;
    for (std::int32_t v : samples)
        sum = static_cast<std::uint16_t>(sum + static_cast<std::uint16_t>(v));
    return static_cast<std::int16_t>(sum);
}

} // namespace vigil::codec::testing
