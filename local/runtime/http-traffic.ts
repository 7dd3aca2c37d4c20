/** What UrlFetchApp sends and what answers it: every request recorded, answers scripted by the test (responses, faults), and each user's daily quota. Nothing leaves the machine. */

/** UrlFetchApp calls per user per day (developers.google.com/apps-script/guides/services/quotas: "URL Fetch calls"). */
export const URL_FETCH_DAILY_CALLS = { consumer: 20_000, workspace: 100_000 } as const;

/** A request as UrlFetchApp sent it. */
export interface RecordedRequest {
  at: number;
  /** The effective user of the sending execution (the quota is theirs). */
  user: string;
  /** The URL as sent (escaped unless `escaping: false`). */
  url: string;
  /** Lower case, as the params name it: "get", "post", "put", "delete", "patch". */
  method: string;
  /** The headers the script set (Content-Type is `contentType`). */
  headers: Record<string, string>;
  contentType: string;
  /** The body as text (UTF-8); "" when there is none. */
  payload: string;
  followRedirects: boolean;
  validateHttpsCertificates: boolean;
}

/** A response a test scripts. */
export interface ScriptedResponse {
  /** Default 200. */
  status?: number;
  /** Text (sent as UTF-8) or bytes. Default "". */
  body?: string | Uint8Array;
  /** Header names as the server sends them; several values of one header as an array (e.g. Set-Cookie). */
  headers?: Record<string, string | string[]>;
  /** Simulated time the exchange takes on top of the call's own cost (see CostModel: UrlFetch). */
  latencyMs?: number;
  /** The server's certificate does not validate (UrlFetchApp refuses it unless validateHttpsCertificates is false). */
  invalidCertificate?: boolean;
}

/**
 * Failures before any HTTP response: no answer within the 60 s UrlFetchApp waits ("timeout"), a name that does not
 * resolve ("dnsError"), a host that does not accept the connection ("unreachable").
 */
export type HttpFault = "timeout" | "dnsError" | "unreachable";

export type HttpAnswer = ScriptedResponse | { fault: HttpFault };

/** A URL (matches it exactly, or with any query string), a pattern tested on the URL, or a predicate on the request. */
export type RequestMatcher = string | RegExp | ((request: RecordedRequest) => boolean);

interface Rule {
  matcher: RequestMatcher;
  answer: HttpAnswer | ((request: RecordedRequest) => HttpAnswer);
  /** Answers left; undefined means unlimited. */
  left?: number;
}

const QUOTA_WINDOW_MS = 24 * 60 * 60 * 1000;

function matches(matcher: RequestMatcher, request: RecordedRequest): boolean {
  if (typeof matcher === "function") return matcher(request);
  if (matcher instanceof RegExp) return matcher.test(request.url);
  return request.url === matcher || request.url.split("?")[0] === matcher;
}

/** The runtime's `http`: kept across executions like the outbox. */
export class HttpTraffic {
  /** Every request sent, oldest first (redirects followed appear as their own requests). */
  readonly requests: RecordedRequest[] = [];
  /** UrlFetchApp calls per user per 24 h: URL_FETCH_DAILY_CALLS.consumer by default, .workspace for Workspace users. */
  dailyLimit: number = URL_FETCH_DAILY_CALLS.consumer;
  private rules: Rule[] = [];
  private readonly windows = new Map<string, { startedAt: number; used: number }>();

  /**
   * Answers the requests `matcher` selects with `answer` (or what `answer(request)` returns), `times` times or
   * always. The rule added last wins, so a test can script a failure over a standing answer. Returns a remover.
   */
  respond(
    matcher: RequestMatcher,
    answer: HttpAnswer | ((request: RecordedRequest) => HttpAnswer),
    options: { times?: number } = {},
  ): () => void {
    const rule: Rule = { matcher, answer, left: options.times };
    this.rules.unshift(rule);
    return () => {
      this.rules = this.rules.filter((r) => r !== rule);
    };
  }

  /** The requests sent to URLs `matcher` selects. */
  sentTo(matcher: RequestMatcher): RecordedRequest[] {
    return this.requests.filter((r) => matches(matcher, r));
  }

  /** Records the request and returns its scripted answer, or null when no rule answers it. */
  exchange(request: RecordedRequest): HttpAnswer | null {
    this.requests.push(request);
    const rule = this.rules.find((r) => (r.left === undefined || r.left > 0) && matches(r.matcher, request));
    if (!rule) return null;
    if (rule.left !== undefined) rule.left--;
    return typeof rule.answer === "function" ? rule.answer(request) : rule.answer;
  }

  /** Counts `calls` against the user's quota; false (and nothing counted) when they do not fit. */
  charge(user: string, now: number, calls: number): boolean {
    const open = this.windows.get(user);
    const window = open && now - open.startedAt < QUOTA_WINDOW_MS ? open : { startedAt: now, used: 0 };
    if (window.used + calls > this.dailyLimit) return false;
    window.used += calls;
    this.windows.set(user, window);
    return true;
  }
}
