// Preloaded (`node --import`) into a `rapport start` that the customers bench runs only to
// record, never to time: every statement the server sends to PostgreSQL while answering an
// HTTP request is appended to RECORD_SQL_FILE as one JSON line {url, text, values, sent,
// answered}, values as pg puts them on the wire. The 360° part replays them directly on
// PostgreSQL (same text, same parameters, same order, side by side where they were) so the
// API's overhead is a like-for-like ratio.
import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";

const file = process.env.RECORD_SQL_FILE;
// The server's own pg (the checkout under test may be another one, for a baseline).
const require = createRequire(path.join(process.env.RECORD_SQL_SERVER_DIR ?? process.cwd(), "package.json"));
const pg = require("pg");
const requestUrl = new AsyncLocalStorage();

const createServer = http.createServer;
http.createServer = function (...args) {
  const handler = args.findIndex((a) => typeof a === "function");
  if (handler >= 0) {
    const inner = args[handler];
    args[handler] = (req, res) => requestUrl.run(req.url, () => inner(req, res));
  }
  return createServer.apply(this, args);
};

// When each statement was sent and answered: statements of one request that were in flight
// together (the summary's contributors run side by side on pooled connections) are replayed
// side by side too.
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, values, callback) {
  const url = requestUrl.getStore();
  const text = typeof config === "string" ? config : config?.text;
  const result = query.call(this, config, values, callback);
  if (url && file && typeof text === "string" && typeof result?.then === "function") {
    const vals = (typeof config === "string" ? values : (config?.values ?? values)) ?? [];
    const wire = Array.isArray(vals) ? vals.map((v) => pg.utils.prepareValue(v)) : [];
    const sent = performance.now();
    const write = () => fs.appendFileSync(file, `${JSON.stringify({ url, text, values: wire, sent, answered: performance.now() })}\n`);
    result.then(write, write);
  }
  return result;
};
