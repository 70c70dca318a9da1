import { ValidationError } from "@supportkit/core";

// GSM 03.38: the basic character set (one septet each) and the extension table (escape + char, two septets).
const GSM_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
const GSM_EXTENDED = new Set("^{}\\[~]|€\f");

/**
 * How an SMS body will be sent: its encoding, its length in that encoding and the number of segments.
 *
 * @example
 * ```ts
 * const info: SmsInfo = { encoding: "GSM-7", units: 12, segments: 1, unitsPerSegment: 160 };
 * ```
 */
export interface SmsInfo {
  /** `GSM-7` when every character is in the GSM 03.38 alphabet, otherwise `UCS-2`. */
  readonly encoding: "GSM-7" | "UCS-2";
  /** Length in septets (GSM-7, extension characters count 2) or UTF-16 code units (UCS-2). */
  readonly units: number;
  /** Segments the message is sent as (0 for an empty body). */
  readonly segments: number;
  /** Capacity of one segment: 160/153 (GSM-7) or 70/67 (UCS-2), single/concatenated. */
  readonly unitsPerSegment: number;
}

/**
 * Measures an SMS body: GSM-7 when every character is in the GSM alphabet (160 septets, or 153 per segment
 * when concatenated), else UCS-2 (70, or 67 per segment). Segments are cut as phones do: an extension
 * character's escape pair and a surrogate pair never straddle two segments.
 *
 * @param text - the message body
 * @returns encoding, length in units and segment count
 * @throws ValidationError (code `VALIDATION`) when `text` is not a string
 * @example
 * ```ts
 * measureSms("Your parcel arrives today").encoding; //=> "GSM-7"
 * measureSms("Ваша посылка в пути").encoding; //=> "UCS-2"
 * measureSms("x".repeat(161)).segments; //=> 2
 * ```
 */
export function measureSms(text: string): SmsInfo {
  if (typeof text !== "string") {
    throw new ValidationError("measureSms arguments", [
      { path: "text", code: "invalid_type", message: "expected the message body as a string" },
    ]);
  }
  let gsm = true;
  let septets = 0;
  for (const char of text) {
    if (GSM_BASIC.has(char)) septets += 1;
    else if (GSM_EXTENDED.has(char)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm) {
    if (septets <= 160)
      return { encoding: "GSM-7", units: septets, segments: septets === 0 ? 0 : 1, unitsPerSegment: 160 };
    return {
      encoding: "GSM-7",
      units: septets,
      segments: countSegments(text, 153, true),
      unitsPerSegment: 153,
    };
  }
  const units = text.length;
  if (units <= 70) return { encoding: "UCS-2", units, segments: units === 0 ? 0 : 1, unitsPerSegment: 70 };
  return { encoding: "UCS-2", units, segments: countSegments(text, 67, false), unitsPerSegment: 67 };
}

function countSegments(text: string, capacity: number, gsm: boolean): number {
  let segments = 1;
  let used = 0;
  for (const char of text) {
    const size = gsm ? (GSM_EXTENDED.has(char) ? 2 : 1) : char.length;
    if (used + size > capacity) {
      segments++;
      used = 0;
    }
    used += size;
  }
  return segments;
}
