/**
 * Event ids whose date prefix disagrees with the start of the event's date. Ids are permanent
 * links, so an id is not renamed when its date is corrected; the disagreement is recorded here,
 * with the reason. The editorial check rejects any other disagreement, and any entry here that
 * no longer disagrees or no longer names an event.
 */
export const ID_DATE_EXCEPTIONS: Readonly<Record<string, string>> = {};
