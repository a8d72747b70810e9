// Reports: page layout. A report is a list of blocks (headings, paragraphs, tables, charts, strips),
// each measured in millimetres; paginate() places them on pages so that no block is cut at a page edge
// (tables split between rows and repeat their column headers), then every page is painted knowing the
// page count, with the header on every page.
//
// Units: layout in millimetres. Painting: the painter works in device pixels; geometry helpers scale by
// Ctx::k (pixels per mm), and text is drawn unscaled in real point sizes, so glyphs are hinted for the
// device and a millimetre is a millimetre on paper.
#pragma once

#include <QFont>
#include <QPainter>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace vigil::reports {

// Paper theme: the station's colours adapted for paper (dark ink on white, priority colours kept).
namespace paper {
inline const QColor Ink{0x11, 0x11, 0x11};
inline const QColor Muted{0x55, 0x5a, 0x60};
inline const QColor Rule{0xb0, 0xb4, 0xb8};
inline const QColor Band{0xe8, 0xec, 0xf0};
inline const QColor High{0xc6, 0x28, 0x28};
inline const QColor Medium{0xd9, 0x8a, 0x00};
inline const QColor Low{0x1e, 0x6f, 0xc8};
inline const QColor Gap{0x88, 0x88, 0x88};
inline const QColor EcgMinor{0xf4, 0xb8, 0xb8};
inline const QColor EcgMajor{0xe0, 0x70, 0x70};
inline const QColor Trace{0x00, 0x00, 0x00};
} // namespace paper

struct Ctx
{
    QPaintDevice *device = nullptr; // for font metrics
    double k = 1;                   // device pixels per millimetre
    QRectF mm2px(const QRectF &r) const { return {r.x() * k, r.y() * k, r.width() * k, r.height() * k}; }
    QPointF mm2px(const QPointF &p) const { return p * k; }
    QFont font(double pt, bool bold = false) const;
    // Height in mm of `text` wrapped to widthMm.
    double textHeight(const QFont &f, double widthMm, const QString &text) const;
    double textWidth(const QFont &f, const QString &text) const;
    void text(QPainter &p, const QRectF &mm, int flags, const QString &text) const;
};

// What the header of a page shows about the patient (a ward report changes section per patient).
struct Section
{
    QString bed;
    QString patient; // name
    QString patientId;
    QString stay;
};

class Block
{
public:
    virtual ~Block() = default;
    virtual double height(const Ctx &c, double widthMm) const = 0;
    virtual void paint(QPainter &p, const Ctx &c, const QRectF &mm) const = 0;
    // A block taller than the room left may give up its first part that fits in availMm (a table: whole
    // rows); returns null when it cannot split there.
    virtual std::unique_ptr<Block> splitOff(const Ctx &, double /*widthMm*/, double /*availMm*/)
    {
        return nullptr;
    }
    bool pageBreakBefore = false;
    bool keepWithNext = false; // headings: never last on a page
    int section = 0;
};

struct Document
{
    QString title; // "Patient handover (I-PASS)"
    QString ward;
    QString period;
    QString generated; // "2026-12-05 15:02 by station"
    std::vector<Section> sections{Section{}};
    std::vector<std::unique_ptr<Block>> blocks;

    struct Placed
    {
        Block *block;
        double y; // mm from the body's top
        double h;
    };
    struct Page
    {
        int section = 0;
        std::vector<Placed> items;
    };
    std::vector<Page> pages;
    std::vector<std::unique_ptr<Block>> owned; // parts produced by splitting

    static constexpr double kHeaderMm = 24.5;
    static constexpr double kFooterMm = 6.0;

    void add(std::unique_ptr<Block> b, int sectionIndex)
    {
        b->section = sectionIndex;
        blocks.push_back(std::move(b));
    }
    void paginate(const Ctx &c, double pageWidthMm, double pageHeightMm);
    void paintPage(QPainter &p, const Ctx &c, int index, double pageWidthMm, double pageHeightMm) const;
};

// Blocks every report uses.
std::unique_ptr<Block> heading(const QString &text, double pt = 13);
std::unique_ptr<Block> paragraph(const QString &text, double pt = 10, bool bold = false,
                                 QColor colour = paper::Ink);
std::unique_ptr<Block> spacer(double mm);
std::unique_ptr<Block> pageBreak();
// Severity banner: a coloured box with big text.
std::unique_ptr<Block> banner(const QString &label, const QString &text, QColor colour);

struct Table
{
    QStringList columns;
    std::vector<double> widths; // relative
    std::vector<QStringList> rows;
    std::vector<QColor> rowColours; // optional per-row text colour (alarm priority)
    double pt = 9.5;
};
std::unique_ptr<Block> table(Table t);

// A block painted by a function at a fixed height.
std::unique_ptr<Block> custom(double heightMm,
                              std::function<void(QPainter &, const Ctx &, const QRectF &)> paint);

} // namespace vigil::reports
