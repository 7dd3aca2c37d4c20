/** What Apps Script does at its documented limits (probes/limits.js): cache key and value sizes, cache expirations, property values and the cell limit. */

import { runProbe } from "../../local/probes/probe-runner";

// CACHE_PAGE: developers.google.com/apps-script/reference/cache/cache#put(String,String,Integer)
// QUOTAS_PAGE: developers.google.com/apps-script/guides/services/quotas, table "Current limitations"

describe("probes: limits", () => {
  it("refuses cache keys over 250 characters, in get as in put", () => {
    // CACHE_PAGE: "The maximum length of a key is 250 characters."; the text is quoted from cache.get in
    // github.com/Eloise1988/COINGECKO/issues/13 ("Exception: Argument too large: key").
    expect(runProbe("limits", "probe_limits_cacheKeyLength")).toEqual({
      value: { get250: null, get251: "Argument too large: key", put251: "Argument too large: key" },
    });
  });

  it("refuses cache values over 100 KB, counted in UTF-8 bytes", () => {
    // CACHE_PAGE: "The maximum amount of data that can be stored per key is 100KB."; the text is quoted in
    // github.com/joseballester/muFunds/issues/13. [UNCONFIRMED: that 100 KB means 102,400 bytes.]
    expect(runProbe("limits", "probe_limits_cacheValueSize")).toEqual({
      value: {
        bytes102400: null,
        bytes102401: "Argument too large: value",
        cjk34134: "Argument too large: value",
      },
    });
  });

  it("accepts expirations of 1 to 21600 seconds and refuses others", () => {
    // CACHE_PAGE: "The minimum is 1 second and the maximum is 21600 seconds (6 hours)." [UNCONFIRMED: the error and
    // its text; Apps Script may instead cap the expiration silently.]
    expect(runProbe("limits", "probe_limits_cacheExpirationRange")).toEqual({
      value: {
        seconds1: null,
        seconds21600: null,
        seconds0: "Invalid argument: expirationInSeconds",
        seconds21601: "Invalid argument: expirationInSeconds",
      },
    });
  });

  it("refuses a property value over 9 KB and stores nothing", () => {
    // QUOTAS_PAGE: "Properties value size | 9 KB / val". [UNCONFIRMED: the text, and whether Google enforces 9 KB: a
    // 2023 measurement (tanaikech.github.io/2023/05/22/report-specification-of-properties-service-for-google-apps-script)
    // found larger values accepted.]
    expect(runProbe("limits", "probe_limits_propertyValueSize")).toEqual({
      value: { bytes9216: null, bytes9217: "Argument too large: value", bytes9217Stored: false },
    });
  });

  it("refuses to grow the grids past 10,000,000 cells, empty or not, and keeps the sheet's size", () => {
    // support.google.com/drive/answer/37603: "Up to 10 million cells or 18,278 columns (column ZZZ) for spreadsheets
    // that are created in or converted to Google Sheets"; the text is the one Apps Script scripts and the Sheets API
    // quote ("Exception: This action would increase the number of cells in the workbook above the limit of 10000000
    // cells.").
    const refused = "This action would increase the number of cells in the workbook above the limit of 10000000 cells.";
    expect(runProbe("limits", "probe_limits_cellLimit")).toEqual({
      value: { rows: refused, columns: refused, maxRows: 1000, maxColumns: 26 },
    });
  });
});
