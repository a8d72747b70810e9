// Scenario step text: kind@start[+duration][=value].
#include "Physiology.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace vigil::sim {

namespace {

struct KindName
{
    std::string_view name;
    ScenarioKind kind;
};

// Canonical names first: scenarioKindName() returns the first match.
constexpr KindName kKindNames[] = {
    {"tachycardia", ScenarioKind::Tachycardia},
    {"bradycardia", ScenarioKind::Bradycardia},
    {"desaturation", ScenarioKind::Desaturation},
    {"apnoea", ScenarioKind::Apnoea},
    {"hypotension", ScenarioKind::Hypotension},
    {"lead_off", ScenarioKind::LeadOff},
    {"sensor_off", ScenarioKind::SensorOff},
    {"disconnect", ScenarioKind::Disconnect},
    {"sepsis", ScenarioKind::Sepsis},
    {"resp_decline", ScenarioKind::RespDecline},
    {"apnea", ScenarioKind::Apnoea},
    {"desat", ScenarioKind::Desaturation},
    {"leadoff", ScenarioKind::LeadOff},
    {"sensoroff", ScenarioKind::SensorOff},
};

constexpr std::string_view kKindList =
    "tachycardia, bradycardia, desaturation, apnoea, hypotension, lead_off, sensor_off, disconnect, sepsis, "
    "resp_decline";

struct ValueRange
{
    double low, high;
    std::string_view unit;
};

// Ranges a monitor can physically display; a script outside them is a typo, not a scenario.
std::optional<ValueRange> valueRange(ScenarioKind kind)
{
    switch (kind) {
    case ScenarioKind::Tachycardia:
    case ScenarioKind::Bradycardia:
        return ValueRange{20.0, 300.0, "/min"};
    case ScenarioKind::Desaturation:
        return ValueRange{50.0, 100.0, "%"};
    case ScenarioKind::Hypotension:
        return ValueRange{30.0, 250.0, "mmHg"};
    default:
        return std::nullopt;
    }
}

std::string_view trim(std::string_view s)
{
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

std::optional<double> parseNumber(std::string_view s)
{
    double v = 0.0;
    const char *end = s.data() + s.size();
    const auto [ptr, ec] = std::from_chars(s.data(), end, v, std::chars_format::fixed);
    if (s.empty() || ec != std::errc() || ptr != end || !std::isfinite(v))
        return std::nullopt;
    return v;
}

// Seconds, minutes with an "m"/"min" suffix, or hours with "h" ("90", "90s", "1.5m", "2min", "2h").
std::optional<double> parseTime(std::string_view s)
{
    double scale = 1.0;
    if (s.ends_with("min")) {
        s.remove_suffix(3);
        scale = 60.0;
    } else if (s.ends_with('m')) {
        s.remove_suffix(1);
        scale = 60.0;
    } else if (s.ends_with('h')) {
        s.remove_suffix(1);
        scale = 3600.0;
    } else if (s.ends_with('s')) {
        s.remove_suffix(1);
    }
    const auto v = parseNumber(s);
    if (!v)
        return std::nullopt;
    return *v * scale;
}

std::optional<ScenarioStep> fail(std::string *error, std::string_view text, const std::string &why)
{
    if (error)
        *error = "scenario step '" + std::string(text) + "': " + why;
    return std::nullopt;
}

std::string formatNumber(double v)
{
    // Fixed notation: the parser reads no exponents ("1e+3" would split at the '+').
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6f", v);
    std::string s(buf);
    while (s.size() > 1 && s.back() == '0')
        s.pop_back();
    if (s.back() == '.')
        s.pop_back();
    return s;
}

} // namespace

std::string_view scenarioKindName(ScenarioKind kind)
{
    for (const auto &k : kKindNames) {
        if (k.kind == kind)
            return k.name;
    }
    return "unknown";
}

bool scenarioKindTakesValue(ScenarioKind kind)
{
    return valueRange(kind).has_value();
}

double scenarioDefaultValue(ScenarioKind kind, const PhysiologyParams &base)
{
    switch (kind) {
    case ScenarioKind::Tachycardia:
        // Sinus tachycardia worth an alarm at any age: well above the profile's upper limit.
        return std::min(std::round(base.heartRate * 1.8), 280.0);
    case ScenarioKind::Bradycardia:
        return std::max(std::round(base.heartRate * 0.55), 25.0);
    case ScenarioKind::Desaturation:
        return 82.0;
    case ScenarioKind::Hypotension:
        return std::round((base.hasAbp ? base.abpSys : base.nibpSys) * 0.62);
    default:
        return std::nan("");
    }
}

std::optional<ScenarioStep> parseScenarioStep(std::string_view text, std::string *error)
{
    text = trim(text);
    if (text.empty())
        return fail(error, text, "empty");
    const auto at = text.find('@');
    if (at == std::string_view::npos)
        return fail(error, text, "missing '@start' (expected kind@start[+duration][=value])");

    std::string name(trim(text.substr(0, at)));
    std::transform(name.begin(), name.end(), name.begin(), [](char c) {
        if (c == '-')
            return '_';
        return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    });
    const auto known = std::find_if(std::begin(kKindNames), std::end(kKindNames),
                                    [&](const KindName &k) { return k.name == name; });
    if (known == std::end(kKindNames))
        return fail(error, text,
                    "unknown kind '" + name + "' (expected one of " + std::string(kKindList) + ")");

    ScenarioStep step;
    step.kind = known->kind;
    std::string_view rest = text.substr(at + 1);
    std::string_view valueText;
    bool hasValue = false;
    if (const auto eq = rest.find('='); eq != std::string_view::npos) {
        valueText = trim(rest.substr(eq + 1));
        rest = rest.substr(0, eq);
        hasValue = true;
    }
    std::string_view startText = rest;
    std::string_view durationText;
    bool hasDuration = false;
    if (const auto plus = rest.find('+'); plus != std::string_view::npos) {
        startText = rest.substr(0, plus);
        durationText = trim(rest.substr(plus + 1));
        hasDuration = true;
    }
    startText = trim(startText);

    const auto start = parseTime(startText);
    if (!start)
        return fail(error, text,
                    "bad start time '" + std::string(startText) + "' (seconds, or minutes with 'm')");
    if (*start < 0.0)
        return fail(error, text, "start time must not be negative");
    step.startS = *start;

    if (hasDuration) {
        const auto duration = parseTime(durationText);
        if (!duration)
            return fail(error, text,
                        "bad duration '" + std::string(durationText) + "' (seconds, or minutes with 'm')");
        if (*duration <= 0.0)
            return fail(error, text,
                        "duration must be positive (leave out '+duration' to run until the end)");
        step.durationS = *duration;
    }

    const auto range = valueRange(step.kind);
    if (hasValue) {
        if (!range)
            return fail(error, text, std::string(known->name) + " takes no '=value'");
        const auto value = parseNumber(valueText);
        if (!value)
            return fail(error, text, "bad value '" + std::string(valueText) + "' (a number)");
        if (*value < range->low || *value > range->high)
            return fail(error, text,
                        "value " + formatNumber(*value) + " out of range " + formatNumber(range->low) + "-" +
                            formatNumber(range->high) + " " + std::string(range->unit));
        step.value = *value;
    }
    return step;
}

std::optional<std::vector<ScenarioStep>> parseScenario(std::string_view text, std::string *error)
{
    std::vector<ScenarioStep> steps;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto end = text.find_first_of(",; \t\r\n", pos);
        const auto token =
            text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
        if (!trim(token).empty()) {
            auto step = parseScenarioStep(token, error);
            if (!step)
                return std::nullopt;
            steps.push_back(*step);
        }
        if (end == std::string_view::npos)
            break;
        pos = end + 1;
    }
    return steps;
}

std::string formatScenarioStep(const ScenarioStep &step)
{
    std::string s(scenarioKindName(step.kind));
    s += '@';
    s += formatNumber(step.startS);
    if (step.durationS > 0.0) {
        s += '+';
        s += formatNumber(step.durationS);
    }
    if (scenarioKindTakesValue(step.kind) && !std::isnan(step.value)) {
        s += '=';
        s += formatNumber(step.value);
    }
    return s;
}

} // namespace vigil::sim
