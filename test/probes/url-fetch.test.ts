/** What UrlFetchApp refuses before sending anything, and what getRequest describes (probes/url-fetch.js). */

import { runProbe } from "../../local/probes/probe-runner";

// FETCH_PAGE: developers.google.com/apps-script/reference/url-fetch/url-fetch-app

describe("probes: url-fetch", () => {
  it("refuses malformed URLs with Invalid argument, naming the URL", () => {
    // The text is quoted with the URL in public scripts ("Exception: Invalid argument: https://…/supplier?cin7_id=in.(\"…\")",
    // an unescaped quote). [UNCONFIRMED: that a missing scheme and a space are refused the same way.]
    expect(runProbe("url-fetch", "probe_urlFetch_invalidUrls")).toEqual({
      value: {
        noScheme: "Invalid argument: www.example.com",
        quote: 'Invalid argument: https://www.example.com/?q="a"',
        space: "Invalid argument: https://www.example.com/a b",
      },
    });
  });

  it("refuses a URL over 2,082 characters", () => {
    // FETCH_PAGE, fetch(url): "The URL can be up to 2,082 characters long."; the text "Limit Exceeded: URLFetch URL
    // Length." is quoted in public scripts.
    expect(runProbe("url-fetch", "probe_urlFetch_urlLength")).toEqual({
      value: "Limit Exceeded: URLFetch URL Length.",
    });
  });

  it("refuses the headers it sets itself and null header values", () => {
    // Quoted in public scripts: "Attribute provided with invalid value: Header:Host", "…: Header:Content-Length" and
    // "…: Header:null" (a null token reaching the headers).
    expect(runProbe("url-fetch", "probe_urlFetch_refusedHeaders")).toEqual({
      value: {
        host: "Attribute provided with invalid value: Header:Host",
        contentLength: "Attribute provided with invalid value: Header:Content-Length",
        nullValue: "Attribute provided with invalid value: Header:null",
      },
    });
  });

  it("describes the request without sending it", () => {
    // FETCH_PAGE, getRequest(url, params): "Returns the request that is made if the operation were invoked." … "The
    // map has at least the following keys: url, method, contentType, payload, and headers"; contentType "defaults to
    // 'application/x-www-form-urlencoded'"; an object payload is "a map of form field names to values".
    // [UNCONFIRMED: "+" for a space in the form encoding.]
    expect(runProbe("url-fetch", "probe_urlFetch_getRequest")).toEqual({
      value: {
        url: "https://www.example.com/submit",
        method: "post",
        contentType: "application/x-www-form-urlencoded",
        payload: "name=Ann+Lee&note=a%26b",
        probeHeader: "1",
      },
    });
  });
});
