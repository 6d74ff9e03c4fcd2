/**
 * Event ids whose date prefix disagrees with the start of the event's date. Ids are permanent
 * links, so an id is not renamed when its date is corrected; the disagreement is recorded here,
 * with the reason. The editorial check rejects any other disagreement, and any entry here that
 * no longer disagrees or no longer names an event.
 */
export const ID_DATE_EXCEPTIONS: Readonly<Record<string, string>> = {
  '2022-12-lachin-corridor-blockade':
    'date widened to 2022-09/2022-12 so that it no longer settles the dispute over when the closure began (review D3)',
  '2022-12-lachin-corridor-checkpoint':
    'lower bound moved to the 2020 ceasefire; the essay’s list order does not date the checkpoint (review D4)',
  '2022-12-vagif-khachatryan-icrc':
    'lower bound moved to the 2020 ceasefire; the essay’s list order does not date the case (review D5)',
};
