// UrlFetchApp's checks made before any request leaves: malformed URLs, the URL length limit, headers it sets itself,
// and the request getRequest describes. No probe here sends a request.

/** A URL without a scheme, one with an unescaped quote, and one with a space are refused before sending. */
function probe_urlFetch_invalidUrls() {
  return {
    noScheme: probeError_(() => UrlFetchApp.fetch("www.example.com")),
    quote: probeError_(() => UrlFetchApp.fetch('https://www.example.com/?q="a"')),
    space: probeError_(() => UrlFetchApp.fetch("https://www.example.com/a b")),
  };
}

/** A URL one character over the 2,082 the reference allows is refused. */
function probe_urlFetch_urlLength() {
  const base = "https://www.example.com/?q=";
  return probeError_(() => UrlFetchApp.fetch(base + "a".repeat(2083 - base.length)));
}

/** Host and Content-Length are UrlFetchApp's own headers; a null header value is refused. */
function probe_urlFetch_refusedHeaders() {
  const url = "https://www.example.com/";
  return {
    host: probeError_(() => UrlFetchApp.fetch(url, { headers: { Host: "www.example.com" } })),
    contentLength: probeError_(() => UrlFetchApp.fetch(url, { headers: { "Content-Length": "3" } })),
    nullValue: probeError_(() => UrlFetchApp.fetch(url, { headers: { "X-Token": null } })),
  };
}

/** getRequest describes a POST with a form payload without sending it: the documented keys, the form encoding. */
function probe_urlFetch_getRequest() {
  const request = UrlFetchApp.getRequest("https://www.example.com/submit", {
    method: "post",
    payload: { name: "Ann Lee", note: "a&b" },
    headers: { "X-Probe": "1" },
  });
  return {
    url: request.url,
    method: request.method,
    contentType: request.contentType,
    payload: request.payload,
    probeHeader: request.headers["X-Probe"],
  };
}
