/** The Javalin server: JSON API, server-rendered search and article pages. */
package org.medsearch.web;
