// Helpers shared by the writer, the reader and the network code (not installed for other targets).
#pragma once

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <QString>

namespace vigil::dicom::detail {

inline OFString ofs(const QString &s)
{
    const QByteArray u = s.toUtf8();
    return OFString(u.constData(), size_t(u.size()));
}

inline QString qs(const OFString &s)
{
    return QString::fromUtf8(s.c_str(), qsizetype(s.size()));
}

inline QString qs(const OFCondition &c)
{
    return QString::fromUtf8(c.text());
}

} // namespace vigil::dicom::detail
