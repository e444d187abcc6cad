package org.medsearch.web;

/**
 * The single error shape of the API: {@code {"status": 400, "error": "size must be between 1 and 100"}}.
 *
 * @param status the HTTP status
 * @param error  what was wrong, in words a client developer can act on
 */
public record ApiError(int status, String error) {
}
