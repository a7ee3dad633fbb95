package org.registrehub.web.backoffice.internal;

import org.registrehub.api.Contexte;
import org.registrehub.api.DroitsRegistre;
import org.registrehub.api.acces.SessionWeb;

/**
 * The signed-in user of a request: its session, the context every service call carries (its identity, the channel
 * WEB) and what the register's rules let it do (the menus and buttons a page shows).
 */
record Agent(SessionWeb session, Contexte contexte, DroitsRegistre droits) {
}
