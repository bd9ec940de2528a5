import { describe, expect, it } from "vitest";

import {
  EVALUATION_ORDER,
  STATUSES,
  contradictsDirection,
  hasReached,
  latestMeasurement,
  progressStatus,
  type StatusInput,
} from "../../scripts/progress/status.ts";

/** An increasing indicator from 20 in 2020 to 40 in 2024, followed up in 2022. */
function increasing(overrides: Partial<StatusInput> = {}): StatusInput {
  return {
    direction: "öka",
    baseline: { year: 2020, value: 20 },
    target: { year: 2024, value: 40 },
    measurements: [],
    nowYear: 2022,
    ...overrides,
  };
}

/** A decreasing indicator from 30 in 2020 to 10 in 2024, followed up in 2022. */
function decreasing(overrides: Partial<StatusInput> = {}): StatusInput {
  return {
    direction: "minska",
    baseline: { year: 2020, value: 30 },
    target: { year: 2024, value: 10 },
    measurements: [],
    nowYear: 2022,
    ...overrides,
  };
}

describe("the status list", () => {
  it("holds the seven statuses of docs/progress-method.md §2 in the order of its table", () => {
    expect(STATUSES).toEqual([
      "Uppnått",
      "I fas",
      "Behöver skyndas på",
      "Begränsade framsteg",
      "Försämring",
      "Ej uppnått",
      "Underlag saknas",
    ]);
  });

  it("lists the evaluation order with Uppnått first and the same seven statuses", () => {
    expect(EVALUATION_ORDER[0]).toBe("Uppnått");
    expect([...EVALUATION_ORDER].sort()).toEqual([...STATUSES].sort());
  });
});

describe("progressStatus on an increasing indicator", () => {
  it("is Uppnått when the latest measurement has reached the target", () => {
    const input = increasing({ measurements: [{ year: 2022, value: 41 }] });

    const result = progressStatus(input);

    expect(result).toEqual({ status: "Uppnått", manual: false, latest: { year: 2022, value: 41 }, achieved: 1.05, expected: 0.5 });
  });

  it("is Uppnått when exactly at the target, even after the deadline", () => {
    const input = increasing({ measurements: [{ year: 2025, value: 40 }], nowYear: 2026 });

    expect(progressStatus(input).status).toBe("Uppnått");
  });

  it("is I fas when the achieved share is at least 0.95 of the expected share", () => {
    const input = increasing({ measurements: [{ year: 2022, value: 30 }] });

    const result = progressStatus(input);

    expect(result.status).toBe("I fas");
    expect(result.achieved).toBe(0.5);
    expect(result.expected).toBe(0.5);
  });

  it("is Behöver skyndas på between 0.6 and 0.95 of the expected share", () => {
    const input = increasing({ measurements: [{ year: 2022, value: 27 }] });

    expect(progressStatus(input).status).toBe("Behöver skyndas på");
  });

  it("is Begränsade framsteg below 0.6 of the expected share but not below the baseline", () => {
    const input = increasing({ measurements: [{ year: 2022, value: 25 }] });

    expect(progressStatus(input).status).toBe("Begränsade framsteg");
  });

  it("is Försämring when the measurement has moved away from the target", () => {
    const input = increasing({ measurements: [{ year: 2022, value: 19 }] });

    const result = progressStatus(input);

    expect(result.status).toBe("Försämring");
    expect(result.achieved).toBeCloseTo(-0.05);
  });

  it("judges the latest measurement, not the best one", () => {
    const input = increasing({
      measurements: [
        { year: 2023, value: 18 },
        { year: 2021, value: 35 },
      ],
      nowYear: 2023,
    });

    const result = progressStatus(input);

    expect(result.status).toBe("Försämring");
    expect(result.latest).toEqual({ year: 2023, value: 18 });
  });
});

describe("progressStatus on a decreasing indicator", () => {
  it("is Uppnått when the value has fallen to or below the target", () => {
    const input = decreasing({ measurements: [{ year: 2023, value: 9 }] });

    expect(progressStatus(input).status).toBe("Uppnått");
  });

  it("is I fas when it falls as fast as planned", () => {
    const input = decreasing({ measurements: [{ year: 2022, value: 20 }] });

    const result = progressStatus(input);

    expect(result.status).toBe("I fas");
    expect(result.achieved).toBe(0.5);
  });

  it("is Behöver skyndas på when it falls too slowly", () => {
    const input = decreasing({ measurements: [{ year: 2022, value: 23 }] });

    expect(progressStatus(input).status).toBe("Behöver skyndas på");
  });

  it("is Försämring when it rises", () => {
    const input = decreasing({ measurements: [{ year: 2022, value: 31 }] });

    expect(progressStatus(input).status).toBe("Försämring");
  });

  it("is Ej uppnått when it is still above the target at the deadline", () => {
    const input = decreasing({ measurements: [{ year: 2024, value: 11 }] });

    expect(progressStatus(input).status).toBe("Ej uppnått");
  });
});

describe("progressStatus when the deadline has passed", () => {
  it("is Ej uppnått when the follow-up year is later than the target year", () => {
    const input = increasing({ measurements: [{ year: 2023, value: 39 }], nowYear: 2025 });

    expect(progressStatus(input).status).toBe("Ej uppnått");
  });

  it("is Ej uppnått when the latest measurement is from the target year, even if the follow-up year is earlier", () => {
    const input = increasing({ measurements: [{ year: 2024, value: 39 }], nowYear: 2023 });

    expect(progressStatus(input).status).toBe("Ej uppnått");
  });

  it("is not yet Ej uppnått in the target year itself before its measurement arrives", () => {
    const input = increasing({ measurements: [{ year: 2023, value: 38 }], nowYear: 2024 });

    expect(progressStatus(input).status).toBe("I fas");
  });
});

describe("progressStatus when data are missing", () => {
  it("is Underlag saknas without a baseline and says so", () => {
    const input = increasing({ baseline: undefined, measurements: [{ year: 2022, value: 30 }] });

    const result = progressStatus(input);

    expect(result).toEqual({
      status: "Underlag saknas",
      manual: false,
      latest: { year: 2022, value: 30 },
      missing: ["utgångsläge"],
      reason: "Utgångsläge saknas.",
    });
  });

  it("is still Uppnått without a baseline when the target is reached, because that rule comes first", () => {
    const input = increasing({ baseline: undefined, measurements: [{ year: 2022, value: 45 }] });

    expect(progressStatus(input).status).toBe("Uppnått");
  });

  it("is Underlag saknas without a target", () => {
    const input = increasing({ target: undefined, measurements: [{ year: 2022, value: 30 }] });

    const result = progressStatus(input);

    expect(result.status).toBe("Underlag saknas");
    expect(result.missing).toEqual(["målvärde"]);
  });

  it("is Underlag saknas without a measurement, even long after the deadline", () => {
    const input = increasing({ measurements: [], nowYear: 2030 });

    const result = progressStatus(input);

    expect(result.status).toBe("Underlag saknas");
    expect(result.reason).toBe("Mätning saknas.");
  });

  it("names everything that is missing in one sentence", () => {
    const input = increasing({ baseline: undefined, target: undefined });

    const result = progressStatus(input);

    expect(result.missing).toEqual(["utgångsläge", "målvärde", "mätning"]);
    expect(result.reason).toBe("Utgångsläge, målvärde och mätning saknas.");
  });

  it("ignores measurements from before the baseline year", () => {
    const input = increasing({ measurements: [{ year: 2019, value: 35 }] });

    const result = progressStatus(input);

    expect(result.status).toBe("Underlag saknas");
    expect(result.latest).toBeUndefined();
  });
});

describe("progressStatus with few points", () => {
  it("works from a single measurement", () => {
    const input = increasing({ measurements: [{ year: 2021, value: 25 }], nowYear: 2021 });

    const result = progressStatus(input);

    expect(result.status).toBe("I fas");
    expect(result.achieved).toBe(0.25);
    expect(result.expected).toBe(0.25);
  });

  it("gives e = 0 for a measurement in the baseline year, so no decline means I fas", () => {
    const input = increasing({ measurements: [{ year: 2020, value: 20 }] });

    const result = progressStatus(input);

    expect(result.expected).toBe(0);
    expect(result.status).toBe("I fas");
  });

  it("gives Försämring for a measurement in the baseline year below the baseline", () => {
    const input = increasing({ measurements: [{ year: 2020, value: 19.5 }] });

    expect(progressStatus(input).status).toBe("Försämring");
  });

  it("takes the last listed of two measurements in the same year", () => {
    const measurements = [
      { year: 2022, value: 1 },
      { year: 2022, value: 2 },
    ];

    const latest = latestMeasurement(measurements);

    expect(latest).toEqual({ year: 2022, value: 2 });
  });
});

describe("progressStatus when the target equals the baseline", () => {
  it("is Uppnått while the value stays at the target", () => {
    const input = increasing({ target: { year: 2024, value: 20 }, measurements: [{ year: 2022, value: 20 }] });

    const result = progressStatus(input);

    expect(result.status).toBe("Uppnått");
    expect(result.achieved).toBeUndefined();
  });

  it("is Försämring when the value falls below the target", () => {
    const input = increasing({ target: { year: 2024, value: 20 }, measurements: [{ year: 2022, value: 19 }] });

    expect(progressStatus(input).status).toBe("Försämring");
  });

  it("is Ej uppnått rather than Försämring once the deadline has passed", () => {
    const input = increasing({ target: { year: 2024, value: 20 }, measurements: [{ year: 2024, value: 19 }] });

    expect(progressStatus(input).status).toBe("Ej uppnått");
  });
});

describe("progressStatus when the deadline year equals the baseline year", () => {
  it("treats any measurement as taken at the deadline instead of dividing by zero", () => {
    const input = increasing({ target: { year: 2020, value: 40 }, measurements: [{ year: 2020, value: 30 }], nowYear: 2020 });

    const result = progressStatus(input);

    expect(result.status).toBe("Ej uppnått");
    expect(result.expected).toBeUndefined();
    expect(result.achieved).toBe(0.5);
  });

  it("is Uppnått when that one measurement reaches the target", () => {
    const input = increasing({ target: { year: 2020, value: 40 }, measurements: [{ year: 2020, value: 40 }], nowYear: 2020 });

    expect(progressStatus(input).status).toBe("Uppnått");
  });
});

describe("progressStatus when riktning and the numbers disagree", () => {
  it("is Underlag saknas, flagged and explained, for öka with a target below the baseline", () => {
    const input = increasing({ target: { year: 2024, value: 10 }, measurements: [{ year: 2022, value: 25 }] });

    const result = progressStatus(input);

    expect(result).toEqual({
      status: "Underlag saknas",
      manual: false,
      inconsistent: true,
      latest: { year: 2022, value: 25 },
      reason: "Målvärdet ligger lägre än utgångsläget fast indikatorn ska öka. Rätta målvärdet eller riktningen.",
    });
  });

  it("is Underlag saknas for minska with a target above the baseline, even if the value passes it", () => {
    const input = decreasing({ target: { year: 2024, value: 50 }, measurements: [{ year: 2022, value: 60 }] });

    const result = progressStatus(input);

    expect(result.status).toBe("Underlag saknas");
    expect(result.inconsistent).toBe(true);
  });

  it("sees no contradiction when the target equals the baseline", () => {
    expect(contradictsDirection("öka", 20, 20)).toBe(false);
    expect(contradictsDirection("minska", 20, 20)).toBe(false);
  });
});

describe("progressStatus with a manual status", () => {
  it("returns the coordinator’s status and reason and marks it as set by hand", () => {
    const input = increasing({
      baseline: undefined,
      target: undefined,
      manual: { status: "Begränsade framsteg", reason: "Gruppen startade först i november." },
    });

    const result = progressStatus(input);

    expect(result).toEqual({ status: "Begränsade framsteg", manual: true, reason: "Gruppen startade först i november." });
  });

  it("wins over numbers that would give another status", () => {
    const input = increasing({
      measurements: [{ year: 2022, value: 45 }],
      manual: { status: "I fas", reason: "Mätningen är osäker." },
    });

    const result = progressStatus(input);

    expect(result.status).toBe("I fas");
    expect(result.manual).toBe(true);
    expect(result.latest).toEqual({ year: 2022, value: 45 });
  });
});

describe("progressStatus at the exact thresholds", () => {
  it("is I fas when a equals 0.95e in decimals although the binary quotient falls a hair short", () => {
    // (8.95 − 4.2)/15 = 0.95 · 1/3 exactly, but 4.75/15 < 0.95/3 in floating point.
    const input: StatusInput = {
      direction: "öka",
      baseline: { year: 2020, value: 4.2 },
      target: { year: 2023, value: 19.2 },
      measurements: [{ year: 2021, value: 8.95 }],
      nowYear: 2021,
    };
    const naive = (8.95 - 4.2) / 15 >= 0.95 * (1 / 3);

    const result = progressStatus(input);

    expect(naive).toBe(false);
    expect(result.status).toBe("I fas");
  });

  it("is Behöver skyndas på when a equals exactly 0.6e", () => {
    const input = increasing({ measurements: [{ year: 2022, value: 26 }] });

    expect(progressStatus(input).status).toBe("Behöver skyndas på");
  });

  it("is Begränsade framsteg at exactly zero progress after the baseline year", () => {
    const input = increasing({ measurements: [{ year: 2022, value: 20 }] });

    expect(progressStatus(input).status).toBe("Begränsade framsteg");
  });
});

describe("hasReached", () => {
  it("reads at or beyond in the direction of the indicator", () => {
    expect(hasReached("öka", 30, 30)).toBe(true);
    expect(hasReached("öka", 29.9, 30)).toBe(false);
    expect(hasReached("minska", 30, 30)).toBe(true);
    expect(hasReached("minska", 30.1, 30)).toBe(false);
  });
});
