# Purpose: ./run bench stats: first-party statistics: POST /api/events ingestion (batches of 20) on
# SQLite and PostgreSQL at 32 connections, the dashboard's figures over synthetic events in 90 days
# (BENCH_STATS_EVENTS, default 10 million) per range, and the page-side counter's gzip -9 bytes
# (bench/stats/run.py says how). BENCH_STATS_ROUNDS / BENCH_STATS_DURATION / BENCH_STATS_REPS change the length.
bench_stats() {
    /usr/bin/python3 bench/stats/run.py --events "${BENCH_STATS_EVENTS:-10000000}" --reps "${BENCH_STATS_REPS:-20}" \
        --rounds "${BENCH_STATS_ROUNDS:-3}" --duration "${BENCH_STATS_DURATION:-5}"
}
