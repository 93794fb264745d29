// What one client can make the server hold: how many connections are open at once, how many
// answers one connection may have waiting unread, and, once stopping, which connections may
// still bring a request. node:http alone bounds none of these: a client that pipelines
// thousands of requests and never reads makes it keep every request and response object, and a
// connection whose next request is already on its way counts as idle and is reset on a stop.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { Logger } from "pino";

export interface ConnectionLimits {
  /** Connections served in full at once (MAX_CONNECTIONS). */
  readonly maxConnections: number;
  /**
   * Connections beyond the cap still accepted, answered only for the health probes (anything
   * else gets a 503). When these are full too, a new one pushes out the oldest that has not
   * sent a request yet, so a flood of silent connections cannot keep a probe out.
   */
  readonly reserve: number;
  /** Answers one connection may have unsent (pipelined, not read) before it is closed. */
  readonly maxPipelined: number;
  /**
   * How long a new connection may take to send its first complete request head. Node's
   * headersTimeout only starts once a request's first byte has arrived, so a connection that
   * never sends one would otherwise hold its descriptor until the client gives up.
   */
  readonly firstRequestMs: number;
  /** How long a connection over the cap may take to send its request before it is closed. */
  readonly overflowMs: number;
  /**
   * Once stopping: how long a connection with no complete request (idle, or partway through
   * sending one) may still bring one. Long enough for a request already on the wire to land.
   */
  readonly drainIdleMs: number;
}

/** Connections closed for pipelining past the bound: their unanswered requests are not logged one by one. */
const cutOff = new WeakSet<Socket>();

/** True for a connection the guard closed; the access log leaves out its aborted requests. */
export function wasCutOff(socket: Socket): boolean {
  return cutOff.has(socket);
}

/** Per-connection state; an over-cap connection serves probes only. */
interface Tracked {
  readonly socket: Socket;
  pending: number;
  /** Requests parsed from this connection in turn `turn` of the event loop. */
  burst: number;
  turn: number;
  /** A request has arrived on it. */
  used: boolean;
  overCap: boolean;
}

/** The connection state a response was admitted under, for its close to count it answered. */
const ANSWERING = Symbol("answering");
type Answer = ServerResponse & { [ANSWERING]?: Tracked };

export interface ConnectionGuard {
  /**
   * Call first for every request. Returns "serve" to answer it, "overloaded" for a request on
   * an over-cap connection that is not a probe (answer 503), or "drop" when its connection has
   * been closed for pipelining past the bound (do nothing).
   */
  admit(req: IncomingMessage, res: ServerResponse, isProbe: boolean): "serve" | "overloaded" | "drop";
  /** From now on, close each connection once it has no request in progress for drainIdleMs. */
  drain(): void;
  /** Connections open now. */
  readonly open: number;
}

export function guardConnections(server: Server, limits: ConnectionLimits, logger: Logger): ConnectionGuard {
  const sockets = new Map<Socket, Tracked>();
  /** Over-cap connections that have not sent a request yet, oldest first. */
  const waiting = new Set<Socket>();
  let draining = false;
  // Turns of the event loop, counted only while requests arrive: one timer per turn for all
  // connections, rather than one per connection per turn.
  let turn = 0;
  let turnCounted = false;
  const nextTurn = () => {
    turn += 1;
    turnCounted = false;
  };
  const capLog = rateLimited(10_000, (count, open) =>
    logger.warn(
      { open, maxConnections: limits.maxConnections, overCap: count },
      "connection cap reached: connections over MAX_CONNECTIONS get 503 (health probes still answered) or are closed",
    ),
  );
  const pipeliningLog = rateLimited(10_000, (count) =>
    logger.warn({ connections: count, maxPipelined: limits.maxPipelined }, "connections closed: too many pipelined requests left unread"),
  );

  /** A response's close: one function for all of them, its connection's state on the response. */
  function answered(this: Answer) {
    const state = this[ANSWERING];
    if (state === undefined) return;
    state.pending -= 1;
    if (draining && state.pending === 0) closeIfStillIdle(state.socket, limits.drainIdleMs);
  }

  /** Closes the connection unless a request has arrived on it by then. */
  const closeIfStillIdle = (socket: Socket, ms: number) => {
    setTimeout(() => {
      const state = sockets.get(socket);
      if (state !== undefined && state.pending === 0) socket.destroy();
    }, ms).unref();
  };

  server.on("connection", (socket: Socket) => {
    const state: Tracked = { socket, pending: 0, burst: 0, turn: -1, used: false, overCap: false };
    setTimeout(() => {
      if (!state.used) socket.destroy();
    }, limits.firstRequestMs).unref();
    sockets.set(socket, state);
    socket.once("close", () => {
      sockets.delete(socket);
      waiting.delete(socket);
    });
    if (sockets.size <= limits.maxConnections) return;
    capLog(sockets.size);
    if (sockets.size > limits.maxConnections + limits.reserve) {
      const oldest = waiting.values().next().value;
      if (oldest === undefined) {
        socket.destroy();
        return;
      }
      waiting.delete(oldest);
      oldest.destroy();
    }
    state.overCap = true;
    waiting.add(socket);
    closeIfStillIdle(socket, limits.overflowMs);
  });

  return {
    get open() {
      return sockets.size;
    },
    admit(req, res, isProbe) {
      const { socket } = req;
      const state = sockets.get(socket);
      if (state === undefined || socket.destroyed) return "drop";
      // A client that waits for each answer sends one request per turn of the event loop at
      // most; many in one turn were pipelined, whether or not earlier answers got out.
      if (!turnCounted) {
        turnCounted = true;
        setImmediate(nextTurn);
      }
      if (state.turn !== turn) {
        state.turn = turn;
        state.burst = 0;
      }
      state.burst += 1;
      if (state.pending >= limits.maxPipelined || state.burst > limits.maxPipelined) {
        // Node parses a whole buffer of pipelined requests at once; each waiting answer holds
        // its request and response objects until the client reads, so a client that never
        // reads is cut off here rather than allowed to fill the heap.
        if (!cutOff.has(socket)) pipeliningLog(sockets.size);
        cutOff.add(socket);
        stopParsing(socket);
        socket.destroy();
        return "drop";
      }
      waiting.delete(socket);
      state.used = true;
      state.pending += 1;
      (res as Answer)[ANSWERING] = state;
      res.on("close", answered);
      if (draining || state.overCap) res.setHeader("Connection", "close");
      return state.overCap && !isProbe ? "overloaded" : "serve";
    },
    drain() {
      draining = true;
      for (const [socket, state] of sockets) if (state.pending === 0) closeIfStillIdle(socket, limits.drainIdleMs);
    },
  };
}

/**
 * A warning the first time, then at most one line per interval counting the events since the
 * last: an attack repeats the event thousands of times a second, and a line each would cost
 * more than the event.
 */
function rateLimited(intervalMs: number, write: (count: number, open: number) => void): (open: number) => void {
  let lastAt = Number.NEGATIVE_INFINITY;
  let count = 0;
  return (open) => {
    count += 1;
    const now = performance.now();
    if (now - lastAt < intervalMs) return;
    write(count, open);
    lastAt = now;
    count = 0;
  };
}

/**
 * Stops Node's parser partway through the buffer it is reading. Node parses a whole read (64 KB,
 * some two thousand pipelined requests) in one go and makes a request and a response object for
 * each before the destroyed socket's close can free any of them; a few hundred such connections
 * at once held gigabytes. No public API stops it: pausing the parser from inside its callback
 * does nothing until the buffer ends. What does is the answer llhttp takes for an upgrade: the
 * headers callback returns 2, llhttp stops there, and Node hands the socket (already destroyed)
 * to 'upgrade' listeners, of which this server has none. socket.parser and its onIncoming are
 * Node's own; test/http/connections.test.ts counts the requests Node makes to catch a change.
 */
function stopParsing(socket: Socket): void {
  const parser = (socket as Socket & { parser?: { onIncoming?: unknown } | null }).parser;
  if (parser === null || parser === undefined) return;
  parser.onIncoming = (req: IncomingMessage & { upgrade: boolean }) => {
    req.upgrade = true;
    return 2;
  };
}
