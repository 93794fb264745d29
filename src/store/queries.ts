// The SQL both stores run, written once with ? placeholders (postgres.ts numbers them).
// Upserts use ON CONFLICT, which SQLite and PostgreSQL spell the same way.

export const SQL = {
  addVote: "INSERT INTO votes (page, day, helpful) VALUES (?, ?, ?) RETURNING id",
  changeVote: "UPDATE votes SET helpful = ?, reason = ?, comment = ? WHERE id = ? AND page = ? AND day = ?",
  logSearch:
    "INSERT INTO searches (day, query, results, count) VALUES (?, ?, ?, ?) " +
    "ON CONFLICT (day, query) DO UPDATE SET count = searches.count + excluded.count, results = excluded.results",
  logClick:
    "INSERT INTO clicks (day, query, target, count) VALUES (?, ?, ?, ?) " +
    "ON CONFLICT (day, query, target) DO UPDATE SET count = clicks.count + excluded.count",
  pageVotes: "SELECT page, SUM(helpful) AS helpful, SUM(1 - helpful) AS unhelpful FROM votes WHERE day >= ? GROUP BY page ORDER BY page",
  pageReasons: "SELECT page, reason, COUNT(*) AS count FROM votes WHERE day >= ? AND reason IS NOT NULL GROUP BY page, reason",
  comments: "SELECT id, page, day, reason, comment FROM votes WHERE day >= ? AND comment IS NOT NULL ORDER BY day DESC, id DESC LIMIT ?",
  // results of the latest day the query was searched: the count the owner would see today.
  queries:
    "SELECT query, SUM(count) AS count, (SELECT s2.results FROM searches s2 WHERE s2.query = s.query AND s2.day >= ? ORDER BY s2.day DESC LIMIT 1) AS results " +
    "FROM searches s WHERE day >= ? GROUP BY query ORDER BY SUM(count) DESC, query LIMIT ?",
  noResults:
    "SELECT query, SUM(count) AS count, 0 AS results FROM searches WHERE day >= ? AND results = 0 GROUP BY query ORDER BY SUM(count) DESC, query LIMIT ?",
  noResultDays: "SELECT day, SUM(count) AS count FROM searches WHERE day >= ? AND results = 0 GROUP BY day ORDER BY day",
  clicks:
    "SELECT query, target, SUM(count) AS count FROM clicks WHERE day >= ? GROUP BY query, target ORDER BY SUM(count) DESC, query, target LIMIT ?",
  purgeVotes: "DELETE FROM votes WHERE day < ?",
  purgeSearches: "DELETE FROM searches WHERE day < ?",
  purgeClicks: "DELETE FROM clicks WHERE day < ?",
  receiptKey: "SELECT value FROM settings WHERE name = 'receipt_key'",
} as const;
