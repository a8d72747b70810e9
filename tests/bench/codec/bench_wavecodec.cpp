// Wave codec benchmark: compression ratio and speed of vigil::codec on every signal of the shared WFDB
// records, in archive-sized chunks, beside flac, zstd and gzip run on the same 16-bit samples.
//
//   bench_wavecodec [--quick] [--data DIR] [--chunk-seconds S]
//
// Ratios are raw 16-bit bytes / compressed bytes. Our codec is timed in-process on thread CPU time (best
// of several passes); the command-line tools are timed on the CPU time of the child process (wait4), on
// each signal for the ratio and, for speed, on one corpus file of all signals (repeated in the full run) so
// that their process start-up, measured separately on an empty input, is amortised.
#include "MiniWfdb.h"
#include "WaveCodec.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using vigil::codec::testing::MiniRecord;

namespace {

double threadCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

struct ProcessTime
{
    bool ok = false;
    double cpu = 0; // user + system of the child
    double wall = 0;
};

// Runs argv with stdout sent to `outFile` (or discarded) and stderr discarded.
ProcessTime runProcess(const std::vector<std::string> &argv, const std::string &outFile = {})
{
    ProcessTime r;
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid < 0)
        return r;
    if (pid == 0) {
        const int out = outFile.empty() ? open("/dev/null", O_WRONLY)
                                        : open(outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int null = open("/dev/null", O_WRONLY);
        if (out < 0 || null < 0)
            _exit(127);
        dup2(out, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        std::vector<char *> args;
        for (const auto &a : argv)
            args.push_back(const_cast<char *>(a.c_str()));
        args.push_back(nullptr);
        execvp(args[0], args.data());
        _exit(127);
    }
    int status = 0;
    rusage ru{};
    if (wait4(pid, &status, 0, &ru) != pid)
        return r;
    r.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.cpu = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
            static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
    r.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    return r;
}

struct Tool
{
    std::string name;
    // Builds the command for input file `in`, compressed output `out`, signal sample rate `rate`.
    std::vector<std::string> (*command)(const std::string &in, const std::string &out, int rate,
                                        int blockSize);
    bool toStdout = false;
    bool available = false;
};

std::vector<std::string> flacCommand(const std::string &in, const std::string &out, int rate,
                                     const char *level, int blockSize)
{
    // No padding or seek table: they are container overhead (about 9 kB a file), not compression.
    std::vector<std::string> c{"flac",
                               "-s",
                               "-f",
                               "--no-padding",
                               "--no-seektable",
                               "--force-raw-format",
                               "--endian=little",
                               "--sign=signed",
                               "--channels=1",
                               "--bps=16",
                               "--sample-rate=" + std::to_string(rate),
                               level};
    if (blockSize > 0)
        c.push_back("--blocksize=" + std::to_string(blockSize));
    c.insert(c.end(), {"-o", out, in});
    return c;
}

std::vector<Tool> makeTools()
{
    std::vector<Tool> tools{
        {"flac -0", [](const std::string &i, const std::string &o, int r,
                       int) { return flacCommand(i, o, r, "-0", 0); }},
        {"flac -5", [](const std::string &i, const std::string &o, int r,
                       int) { return flacCommand(i, o, r, "-5", 0); }},
        {"flac -8", [](const std::string &i, const std::string &o, int r,
                       int) { return flacCommand(i, o, r, "-8", 0); }},
        {"flac -8 /chunk", [](const std::string &i, const std::string &o, int r,
                              int b) { return flacCommand(i, o, r, "-8", b); }},
        {"zstd -1", [](const std::string &i, const std::string &o, int,
                       int) { return std::vector<std::string>{"zstd", "-q", "-f", "-1", "-o", o, i}; }},
        {"zstd -19", [](const std::string &i, const std::string &o, int,
                        int) { return std::vector<std::string>{"zstd", "-q", "-f", "-19", "-o", o, i}; }},
        {"gzip -6",
         [](const std::string &i, const std::string &, int, int) {
             return std::vector<std::string>{"gzip", "-6", "-c", i};
         },
         true},
        {"gzip -9",
         [](const std::string &i, const std::string &, int, int) {
             return std::vector<std::string>{"gzip", "-9", "-c", i};
         },
         true},
    };
    for (auto &t : tools)
        t.available = runProcess({t.name.substr(0, t.name.find(' ')), "--version"}).ok;
    return tools;
}

struct SignalCase
{
    std::string label;
    int rate = 0; // samples per second, rounded (what flac's header needs)
    std::size_t chunk = 0;
    std::vector<std::int32_t> samples;
    fs::path rawFile;
};

void writeRaw16(const fs::path &file, const std::vector<std::int32_t> &samples, int copies = 1)
{
    std::vector<unsigned char> bytes(samples.size() * 2);
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const auto v = static_cast<std::uint16_t>(samples[i]);
        bytes[2 * i] = static_cast<unsigned char>(v);
        bytes[2 * i + 1] = static_cast<unsigned char>(v >> 8);
    }
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    for (int c = 0; c < copies; ++c)
        out.write(reinterpret_cast<const char *>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

struct CodecRun
{
    std::size_t bytes = 0;
    double encodeCpu = 0, decodeCpu = 0; // best pass
    bool exact = true;
};

CodecRun runOurs(const SignalCase &s, const vigil::codec::EncodeOptions &options, int passes)
{
    CodecRun r;
    r.encodeCpu = r.decodeCpu = 1e30;
    std::vector<std::vector<std::uint8_t>> chunks;
    std::vector<std::int32_t> out;
    for (int pass = 0; pass < passes; ++pass) {
        chunks.clear();
        const double t0 = threadCpuSeconds();
        for (std::size_t at = 0; at < s.samples.size(); at += s.chunk) {
            const std::size_t len = std::min(s.chunk, s.samples.size() - at);
            chunks.push_back(vigil::codec::encode({s.samples.data() + at, len}, options));
        }
        const double t1 = threadCpuSeconds();
        for (const auto &c : chunks)
            vigil::codec::decode(c, out, nullptr);
        const double t2 = threadCpuSeconds();
        r.encodeCpu = std::min(r.encodeCpu, t1 - t0);
        r.decodeCpu = std::min(r.decodeCpu, t2 - t1);
    }
    std::size_t at = 0;
    for (const auto &c : chunks) {
        r.bytes += c.size();
        std::string error;
        if (!vigil::codec::decode(c, out, &error) ||
            !std::equal(out.begin(), out.end(), s.samples.begin() + static_cast<std::ptrdiff_t>(at)))
            r.exact = false;
        at += out.size();
    }
    r.exact = r.exact && at == s.samples.size();
    return r;
}

} // namespace

int main(int argc, char **argv)
{
    bool quick = false;
    std::string dataDir = std::string(VIGIL_SHARED_DATA) + "/wfdb";
    double chunkSeconds = 5;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--quick")
            quick = true;
        else if (a == "--data" && i + 1 < argc)
            dataDir = argv[++i];
        else if (a == "--chunk-seconds" && i + 1 < argc)
            chunkSeconds = std::atof(argv[++i]);
        else {
            std::fprintf(stderr, "usage: %s [--quick] [--data DIR] [--chunk-seconds S]\n", argv[0]);
            return 2;
        }
    }
    const int rounds = quick ? 1 : 7;
    const int passesPerRound = quick ? 2 : 4;
    const int corpusCopies = quick ? 1 : 6;

    std::vector<SignalCase> cases;
    for (const char *record : {"100", "v102s", "03700181"}) {
        MiniRecord rec;
        std::string error;
        if (!vigil::codec::testing::readMiniRecord(dataDir, record, rec, error)) {
            std::printf("SKIP: %s (shared WFDB data is expected in %s)\n", error.c_str(), dataDir.c_str());
            return 0;
        }
        for (auto &sig : rec.channels) {
            SignalCase c;
            c.label = std::string(record) + " " + sig.description;
            c.rate = static_cast<int>(std::lround(sig.frequency));
            c.chunk = static_cast<std::size_t>(std::lround(chunkSeconds * sig.frequency));
            c.samples = std::move(sig.samples);
            cases.push_back(std::move(c));
        }
    }

    char tmpl[] = "/tmp/vigil-bench-wavecodec-XXXXXX";
    if (!mkdtemp(tmpl)) {
        std::perror("mkdtemp");
        return 1;
    }
    const fs::path tmp = tmpl;
    std::vector<Tool> tools = makeTools();

    // ------------------------------------------------------------------------ ratios, per signal
    std::size_t totalRaw = 0;
    std::vector<std::size_t> toolTotal(tools.size(), 0);
    std::size_t oursTotal = 0, oursNoLpcTotal = 0;
    vigil::codec::EncodeOptions noLpc;
    noLpc.maxLpcOrder = 0;
    bool exact = true;

    std::printf(
        "Compression ratio (raw 16-bit bytes / compressed bytes); ours in %.0f s chunks, the tools on "
        "whole signals\n(\"flac -8 /chunk\": flac -8 with frames of the chunk size)\n\n",
        chunkSeconds);
    std::printf("%-18s %8s %6s %7s %7s", "signal", "samples", "Hz", "ours", "no-LPC");
    for (const auto &t : tools)
        std::printf(" %*s", static_cast<int>(std::max<std::size_t>(8, t.name.size())), t.name.c_str());
    std::printf("  ours/flac-8\n");
    std::vector<std::int32_t> corpus;
    for (auto &c : cases) {
        c.rawFile = tmp / (std::to_string(&c - cases.data()) + ".raw");
        writeRaw16(c.rawFile, c.samples);
        corpus.insert(corpus.end(), c.samples.begin(), c.samples.end());
        const std::size_t raw = c.samples.size() * 2;
        totalRaw += raw;
        const CodecRun ours = runOurs(c, {}, 1);
        const CodecRun plain = runOurs(c, noLpc, 1);
        exact = exact && ours.exact && plain.exact;
        oursTotal += ours.bytes;
        oursNoLpcTotal += plain.bytes;
        std::printf("%-18s %8zu %6d %7.3f %7.3f", c.label.c_str(), c.samples.size(), c.rate,
                    static_cast<double>(raw) / ours.bytes, static_cast<double>(raw) / plain.bytes);
        std::size_t flac8 = 0;
        for (std::size_t t = 0; t < tools.size(); ++t) {
            const int width = static_cast<int>(std::max<std::size_t>(8, tools[t].name.size()));
            if (!tools[t].available) {
                std::printf(" %*s", width, "n/a");
                continue;
            }
            const fs::path out = tmp / "out.bin";
            const auto cmd =
                tools[t].command(c.rawFile.string(), out.string(), c.rate, static_cast<int>(c.chunk));
            const ProcessTime p = runProcess(cmd, tools[t].toStdout ? out.string() : std::string{});
            const std::size_t size = p.ok ? static_cast<std::size_t>(fs::file_size(out)) : 0;
            toolTotal[t] += size;
            if (tools[t].name == "flac -8")
                flac8 = size;
            if (size)
                std::printf(" %*.3f", width, static_cast<double>(raw) / size);
            else
                std::printf(" %*s", width, "fail");
        }
        if (flac8)
            std::printf("  %10.3f", static_cast<double>(flac8) / ours.bytes);
        std::printf("\n");
    }
    std::printf("%-18s %8s %6s %7.3f %7.3f", "all signals", "", "", static_cast<double>(totalRaw) / oursTotal,
                static_cast<double>(totalRaw) / oursNoLpcTotal);
    std::size_t flac8Total = 0;
    for (std::size_t t = 0; t < tools.size(); ++t) {
        const int width = static_cast<int>(std::max<std::size_t>(8, tools[t].name.size()));
        if (tools[t].name == "flac -8")
            flac8Total = toolTotal[t];
        if (toolTotal[t])
            std::printf(" %*.3f", width, static_cast<double>(totalRaw) / toolTotal[t]);
        else
            std::printf(" %*s", width, "n/a");
    }
    if (flac8Total)
        std::printf("  %10.3f", static_cast<double>(flac8Total) / oursTotal);
    std::printf("\n\n");

    // ------------------------------------------------------------------------ speed
    const fs::path corpusFile = tmp / "corpus.raw";
    writeRaw16(corpusFile, corpus, corpusCopies);
    const double corpusMB = static_cast<double>(corpus.size() * 2 * corpusCopies) / 1e6;
    const fs::path emptyFile = tmp / "empty.raw";
    writeRaw16(emptyFile, {});

    // Rounds interleave our passes with the tools' runs, so a change of machine load during the run
    // (the build machine is shared) affects both sides alike; each figure is the best of its rounds.
    struct Speed
    {
        std::string name;
        double cpu = 1e30, wall = 1e30, startup = 1e30;
    };
    std::vector<Speed> toolSpeed;
    for (const auto &t : tools)
        if (t.available && t.name != "flac -8 /chunk")
            toolSpeed.push_back({t.name});
    double oursEnc = 1e30, oursDec = 1e30, oursNoLpcEnc = 1e30;
    for (int round = 0; round < rounds; ++round) {
        for (int pass = 0; pass < passesPerRound; ++pass) {
            // Separate sweeps: running both settings back to back on one signal would hand the second a
            // warm cache.
            double enc = 0, dec = 0, encPlain = 0;
            for (const auto &c : cases) {
                const CodecRun ours = runOurs(c, {}, 1);
                enc += ours.encodeCpu;
                dec += ours.decodeCpu;
            }
            for (const auto &c : cases)
                encPlain += runOurs(c, noLpc, 1).encodeCpu;
            oursEnc = std::min(oursEnc, enc);
            oursDec = std::min(oursDec, dec);
            oursNoLpcEnc = std::min(oursNoLpcEnc, encPlain);
        }
        for (auto &sp : toolSpeed) {
            const Tool &t =
                *std::find_if(tools.begin(), tools.end(), [&](const Tool &x) { return x.name == sp.name; });
            const fs::path out = tmp / "corpus.out";
            const ProcessTime p = runProcess(t.command(corpusFile.string(), out.string(), 250, 0),
                                             t.toStdout ? out.string() : "");
            if (p.ok) {
                sp.cpu = std::min(sp.cpu, p.cpu);
                sp.wall = std::min(sp.wall, p.wall);
            }
            const ProcessTime e = runProcess(t.command(emptyFile.string(), out.string(), 250, 0),
                                             t.toStdout ? out.string() : "");
            if (e.ok)
                sp.startup = std::min(sp.startup, e.cpu);
        }
    }

    std::printf(
        "Speed, MB/s of raw 16-bit input, CPU time, best of %d rounds (ours: %d passes a round over "
        "%.2f MB in %.0f s chunks;\ntools: one run a round on a %.1f MB corpus of all signals; start-up: a "
        "run on an empty file)\n\n",
        rounds, passesPerRound, static_cast<double>(totalRaw) / 1e6, chunkSeconds, corpusMB);
    std::printf("%-16s %10s %10s %12s %12s\n", "codec", "encode", "decode", "start-up ms", "enc wall");
    const double rawMB = static_cast<double>(totalRaw) / 1e6;
    const double oursEncMBs = rawMB / oursEnc;
    std::printf("%-16s %10.0f %10.0f %12s %12s\n", "ours", oursEncMBs, rawMB / oursDec, "-", "-");
    std::printf("%-16s %10.0f %10s %12s %12s\n", "ours no-LPC", rawMB / oursNoLpcEnc, "", "-", "-");
    double flac5MBs = 0;
    for (const auto &sp : toolSpeed) {
        if (sp.cpu >= 1e30) {
            std::printf("%-16s %10s\n", sp.name.c_str(), "fail");
            continue;
        }
        const double mbs = corpusMB / sp.cpu;
        if (sp.name == "flac -5")
            flac5MBs = mbs;
        std::printf("%-16s %10.0f %10s %12.1f %12.0f\n", sp.name.c_str(), mbs, "",
                    sp.startup < 1e30 ? sp.startup * 1e3 : 0.0, corpusMB / sp.wall);
    }
    std::printf("\n");
    if (flac8Total)
        std::printf(
            "Ratio vs flac -8:        ours %.3fx the compression of flac -8 (total bytes %zu vs %zu)\n",
            static_cast<double>(flac8Total) / oursTotal, oursTotal, flac8Total);
    if (flac5MBs > 0)
        std::printf("Encode speed vs flac -5: ours %.2fx (no-LPC %.2fx)\n", oursEncMBs / flac5MBs,
                    rawMB / oursNoLpcEnc / flac5MBs);
    std::printf("Round trip: %s\n", exact ? "bit-exact on every signal" : "MISMATCH");

    std::error_code ec;
    fs::remove_all(tmp, ec);
    return exact ? 0 : 1;
}
