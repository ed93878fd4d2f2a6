"""Compares two PNG screenshots pixel by pixel with only the standard library (zlib), so the
browser test needs no imaging package. Reads 8-bit RGB or RGBA, non-interlaced: what Chromium
writes."""
import struct
import zlib

# Allowed: a channel may differ by this much (antialiasing noise), and this share of pixels may
# differ by more. Zero-tolerance would also work on one machine; this keeps a font hinting
# change of one shade from failing the test while any real change of layout or text fails.
CHANNEL_TOLERANCE = 8
PIXEL_SHARE = 0.0005


def read(path):
    """(width, height, channels, rows of bytes) of the PNG at path."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("%s is not a PNG" % path)
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError("%s: only 8-bit RGB/RGBA non-interlaced PNGs are read" % path)
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        unfilter(kind, line, previous, channels)
        rows.append(line)
        previous = line
    return width, height, channels, rows


def unfilter(kind, line, previous, bpp):
    if kind == 1:
        for i in range(bpp, len(line)):
            line[i] = (line[i] + line[i - bpp]) & 0xFF
    elif kind == 2:
        for i in range(len(line)):
            line[i] = (line[i] + previous[i]) & 0xFF
    elif kind == 3:
        for i in range(len(line)):
            left = line[i - bpp] if i >= bpp else 0
            line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
    elif kind == 4:
        for i in range(len(line)):
            a = line[i - bpp] if i >= bpp else 0
            b = previous[i]
            c = previous[i - bpp] if i >= bpp else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            predictor = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
            line[i] = (line[i] + predictor) & 0xFF


def compare(actual, golden):
    """"" when the images match within the tolerance, else what differs."""
    try:
        with open(golden, "rb") as f:
            expected_bytes = f.read()
    except OSError:
        return "no reviewed image %s; if the actual one is right, create it with " \
               "QUIZ_UPDATE_GOLDENS=1" % golden
    with open(actual, "rb") as f:
        if f.read() == expected_bytes:
            return ""
    aw, ah, ac, arows = read(actual)
    gw, gh, gc, grows = read(golden)
    if (aw, ah) != (gw, gh):
        return "size %dx%d, reviewed %dx%d" % (aw, ah, gw, gh)
    differing, worst = 0, 0
    for arow, grow in zip(arows, grows):
        if arow == grow:
            continue
        for x in range(aw):
            a = arow[x * ac:x * ac + 3]
            g = grow[x * gc:x * gc + 3]
            if a != g:
                delta = max(abs(a[0] - g[0]), abs(a[1] - g[1]), abs(a[2] - g[2]))
                worst = max(worst, delta)
                if delta > CHANNEL_TOLERANCE:
                    differing += 1
    if differing > PIXEL_SHARE * aw * ah:
        return "%d pixels differ (largest channel difference %d)" % (differing, worst)
    return ""
