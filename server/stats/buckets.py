"""Purpose: the histogram buckets of the daily totals (durations in seconds, Bricks scores and
placements). A median over any range of days cannot be made from daily medians, but it can from
daily histograms: each day keeps counts per bucket, a range adds them up, and the median is read from
the sum. The buckets are every whole number up to 10, then about 15 % wider each (so a median is
within 7 % of the exact one), up to 10^9. A bucket is named by its lower edge, so the CSV export
reads on its own ("152": 152 to 174 seconds).
"""
import bisect


def _edges():
    out = list(range(11))
    x = 10.0
    while out[-1] < 1_000_000_000:
        x *= 1.15
        if int(x) > out[-1]:
            out.append(int(x))
    return out


EDGES = _edges()


def bucket(value):
    """The lower edge of the bucket holding the whole number `value` (>= 0)."""
    return EDGES[bisect.bisect_right(EDGES, max(0, value)) - 1]


def upper(edge):
    """The first value above the bucket whose lower edge is `edge`."""
    i = bisect.bisect_right(EDGES, edge)
    return EDGES[i] if i < len(EDGES) else edge + 1


def quantile(counts, q):
    """The q-quantile (0..1) of a histogram {lower edge: count}, interpolated inside its bucket; None
    when it is empty."""
    total = sum(counts.values())
    if total <= 0:
        return None
    target = q * total
    seen = 0
    for edge in sorted(counts):
        n = counts[edge]
        if n <= 0:
            continue
        if seen + n >= target:
            width = upper(edge) - edge
            if width <= 1:
                return float(edge)
            return edge + width * max(0.0, (target - seen)) / n
        seen += n
    return float(max(counts))


def median(counts):
    return quantile(counts, 0.5)


def regroup(counts, bounds):
    """Counts {lower edge: n} gathered into the display bins [bounds[i], bounds[i+1]) (the last open);
    a bucket goes to the bin its lower edge falls in. Returns a list of counts, one per bin."""
    out = [0] * len(bounds)
    for edge, n in counts.items():
        i = max(0, bisect.bisect_right(bounds, edge) - 1)
        out[i] += n
    return out
