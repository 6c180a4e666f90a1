// Dates, times and durations in the portal's own words (az, en, ru), always in Baku time: the
// browser's locale data is not used, since Chromium's Azerbaijani gives "2026 M12 5 11:00".
type Lang = "az" | "en" | "ru";

/** Asia/Baku is UTC+4 all year (no daylight saving since 2016). */
const BAKU_OFFSET_MS = 4 * 3600 * 1000;

const MONTHS: Record<Lang, readonly string[]> = {
  az: "yanvar fevral mart aprel may iyun iyul avqust sentyabr oktyabr noyabr dekabr".split(" "),
  en: "January February March April May June July August September October November December".split(
    " ",
  ),
  // "5 декабря": the day takes the month in the genitive.
  ru: "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split(
    " ",
  ),
};

const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-12-05T07:00:00Z" → "5 dekabr 2026, 11:00" (with seconds: "11:00:05"), in Baku time. */
export function bakuDateTime(at: string, lang: Lang, withSeconds = false): string {
  const millis = Date.parse(at);
  if (Number.isNaN(millis)) return at;
  const baku = new Date(millis + BAKU_OFFSET_MS); // read with getUTC*: the wall clock in Baku
  const month = MONTHS[lang][baku.getUTCMonth()] ?? "";
  const time = `${pad(baku.getUTCHours())}:${pad(baku.getUTCMinutes())}`;
  const seconds = withSeconds ? `:${pad(baku.getUTCSeconds())}` : "";
  return `${baku.getUTCDate()} ${month} ${baku.getUTCFullYear()}, ${time}${seconds}`;
}

/** 72 → "72 saat", "72 hours", "72 часа". */
export function hoursText(count: number, lang: Lang): string {
  switch (lang) {
    case "az":
      return `${count} saat`;
    case "en":
      return `${count} ${count === 1 ? "hour" : "hours"}`;
    case "ru":
      return `${count} ${russianPlural(count, "час", "часа", "часов")}`;
  }
}

function russianPlural(count: number, one: string, few: string, many: string): string {
  const tens = count % 100;
  const units = count % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  return units >= 2 && units <= 4 ? few : many;
}

/** A countdown's seconds as hours:minutes:seconds ("71:59:58"), whichever its sign. */
export function clockText(seconds: number): string {
  const whole = Math.abs(Math.trunc(seconds));
  return `${Math.floor(whole / 3600)}:${pad(Math.floor(whole / 60) % 60)}:${pad(whole % 60)}`;
}
