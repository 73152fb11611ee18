/**
 * Sandbox clock. `now()` is the business clock (order timestamps, token expiry, auth code
 * expiry, document URL validity) and honours `offsetSeconds` so tests can simulate time
 * passing. `realNow()` ignores the offset and is used for the request `timestamp` window
 * check, because clients sign with their real wall clock.
 */
export class Clock {
	offsetSeconds = 0;
	now(): number {
		return Math.floor(Date.now() / 1000) + this.offsetSeconds;
	}
	nowMs(): number {
		return Date.now() + this.offsetSeconds * 1000;
	}
	realNow(): number {
		return Math.floor(Date.now() / 1000);
	}
}
