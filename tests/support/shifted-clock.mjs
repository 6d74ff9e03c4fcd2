/**
 * Preloaded into a build (NODE_OPTIONS="--import <this file>") to run it at another time:
 * `Date.now()`, `new Date()` and `Date()` are moved by $SHIFTED_CLOCK_DAYS days. A page that
 * carried its build date or time would then differ from one built today, which is how the
 * reproducible-build test catches it even when both builds fall on the same day.
 */
const MS_PER_DAY = 86_400_000;
const offset = Number(process.env.SHIFTED_CLOCK_DAYS ?? 0) * MS_PER_DAY;

if (offset !== 0) {
  const RealDate = Date;
  const now = () => RealDate.now() + offset;
  globalThis.Date = new Proxy(RealDate, {
    construct: (target, args, newTarget) =>
      args.length > 0 ? Reflect.construct(target, args, newTarget) : Reflect.construct(target, [now()], newTarget),
    apply: (target) => new target(now()).toString(),
    get: (target, property, receiver) => (property === 'now' ? now : Reflect.get(target, property, receiver)),
  });
}
