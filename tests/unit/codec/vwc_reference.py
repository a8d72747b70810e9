#!/usr/bin/env python3
"""Reference decoder for the Vigil wave codec, format version 1, written from docs/WAVECODEC.md section 3
alone and kept deliberately plain (no speed tricks) so it can check the spec and other implementations.

    python3 vwc_reference.py CHUNK            # prints the samples, one per line
    python3 vwc_reference.py CHUNK EXPECTED   # compares with a file of samples, one per line
"""
import struct
import sys


class FormatError(Exception):
    pass


def crc32c(data):
    crc = 0xFFFFFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF


def wrap(v):
    """Maps an integer to [-2^31, 2^31) modulo 2^32 (3.1)."""
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v >> 31 else v


class Bits:
    """LSB-first bit string (3.1)."""

    def __init__(self, data):
        self.value = int.from_bytes(data, "little")
        self.pos = 0
        self.size = len(data) * 8

    def u(self, n):
        if self.pos + n > self.size:
            raise FormatError("read past the end of the payload")
        v = (self.value >> self.pos) & ((1 << n) - 1)
        self.pos += n
        return v

    def s(self, n):
        v = self.u(n)
        return v - (1 << n) if n and v >> (n - 1) else v


class Rice:
    """Adaptive Rice code (3.7)."""

    def __init__(self):
        self.state = 16

    def read(self, bits):
        k = max(self.state, 4).bit_length() - 1 - 2
        low = bits.u(k)
        q = 0
        while q < 12 and bits.u(1) == 0:
            q += 1
        if q < 12:
            u = q * 2**k + low
        else:
            m = bits.u(5)
            q = 2**m + bits.u(m)
            u = (q * 2**k + low) % 2**32
        self.state = self.state - self.state // 4 + min(u, 2**24)
        return u


def fixed_prediction(y, i, order):
    k = min(order, i)
    if k == 0:
        return 0
    if k == 1:
        return y[i - 1]
    if k == 2:
        return 2 * y[i - 1] - y[i - 2]
    if k == 3:
        return 3 * y[i - 1] - 3 * y[i - 2] + y[i - 3]
    return 4 * y[i - 1] - 6 * y[i - 2] + 4 * y[i - 3] - y[i - 4]


def decode(chunk):
    # 3.2 header
    if len(chunk) < 2 or chunk[0] != 0xB5:
        raise FormatError("bad magic")
    if chunk[1] != 1:
        raise FormatError("unsupported version")
    pos, n, shift = 2, 0, 0
    while True:
        if pos >= len(chunk) or shift > 21:
            raise FormatError("bad sample count")
        byte = chunk[pos]
        pos += 1
        n |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            break
    if n > 2**26 or len(chunk) < pos + 4:
        raise FormatError("bad header")
    checksum = struct.unpack_from("<I", chunk, pos)[0]
    payload = chunk[pos + 4 :]
    if n == 0:
        if payload or checksum:
            raise FormatError("empty chunk with payload or checksum")
        return []

    # 3.3 payload
    bits = Bits(payload)
    width = bits.u(5) + 1
    block = 2 ** (bits.u(3) + 4)
    remap = bits.u(1)
    if 3 * -(-(n - 1) // block) > bits.size:
        raise FormatError("sample count inconsistent with the payload")
    table = None
    if remap:  # 3.4
        size = bits.u(16) + 1
        if size < 2 or size > n:
            raise FormatError("bad table size")
        table = [bits.s(width)]
        rice = Rice()
        for _ in range(1, size):
            table.append(table[-1] + rice.read(bits) + 1)
        if table[-1] >= 2 ** (width - 1):
            raise FormatError("table exceeds the sample width")
        value_bits = (size - 1).bit_length()
    else:
        value_bits = width
    lpc = bits.u(1)
    if lpc:  # 3.6
        order = bits.u(4) + 1
        precision = bits.u(4) + 1
        lpc_shift = bits.u(5)
        coefs = [bits.s(precision) for _ in range(order)]

    def raw():
        return bits.u(value_bits) if remap else bits.s(width)

    y = [0] * n
    y[0] = raw()
    rice = Rice()
    for start in range(1, n, block):  # 3.5
        kind = bits.u(3)
        for i in range(start, min(n, start + block)):
            if kind == 6:
                y[i] = y[i - 1]
                continue
            if kind == 7:
                y[i] = raw()
                continue
            if kind <= 4:
                prediction = fixed_prediction(y, i, kind)
            else:
                if not lpc:
                    raise FormatError("LPC block without coefficients")
                if i <= order:
                    prediction = y[i - 1]
                else:
                    total = sum(coefs[j - 1] * wrap(y[i - j] - y[i - j - 1]) for j in range(1, order + 1))
                    prediction = y[i - 1] + wrap(total >> lpc_shift)
            u = rice.read(bits)
            residual = (u >> 1) ^ -(u & 1)
            y[i] = wrap(prediction + residual)
    padding = -bits.pos % 8
    if bits.u(padding) != 0 or bits.pos != bits.size:
        raise FormatError("bad padding or trailing bytes")

    # 3.8 output and checksum
    if remap:
        if any(v < 0 or v >= len(table) for v in y):
            raise FormatError("index out of range")
        x = [table[v] for v in y]
    else:
        x = [wrap(v) for v in y]
        if any(not -(2 ** (width - 1)) <= v < 2 ** (width - 1) for v in x):
            raise FormatError("sample outside the declared width")
    serial = b"".join(struct.pack("<h" if width <= 16 else "<i", v) for v in x)
    if crc32c(serial) != checksum:
        raise FormatError("checksum mismatch")
    return x


def main():
    assert crc32c(b"123456789") == 0xE3069283
    if len(sys.argv) not in (2, 3):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    with open(sys.argv[1], "rb") as f:
        samples = decode(f.read())
    if len(sys.argv) == 3:
        with open(sys.argv[2]) as f:
            expected = [int(line) for line in f if line.strip()]
        if samples != expected:
            print("MISMATCH", file=sys.stderr)
            return 1
        print(f"ok: {len(samples)} samples")
    else:
        print("\n".join(map(str, samples)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
