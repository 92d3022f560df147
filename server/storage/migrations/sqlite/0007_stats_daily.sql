-- Purpose: version 7, the statistics' daily rollups (server/stats/rollup.py): one row per day, figure and
-- key with its count, kept for years after the day's raw events are purged (they hold no visitor key);
-- stats_rolled lists the days rolled up (the report reads those days from here, the others from the raw
-- events).
CREATE TABLE stats_daily (
    day TEXT NOT NULL, metric TEXT NOT NULL, a TEXT NOT NULL DEFAULT '', b TEXT NOT NULL DEFAULT '',
    n INTEGER NOT NULL,
    PRIMARY KEY (day, metric, a, b));
CREATE TABLE stats_rolled (
    day TEXT PRIMARY KEY,
    rolled TEXT NOT NULL);
-- The raw days not rolled up yet are counted by index: visitors and sessions by (day, visitor, t),
-- events per name and level, and their visitors, by (day, name, level, visitor).
CREATE INDEX stats_events_day_visitor ON stats_events (day, visitor, t);
CREATE INDEX stats_events_day_name_level ON stats_events (day, name, level, visitor);
