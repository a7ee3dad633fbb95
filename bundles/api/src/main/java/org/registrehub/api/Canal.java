package org.registrehub.api;

/**
 * The channel through which an operation reached the hub; recorded with every change. {@code CAMPAGNE}: the renewal
 * campaign (radiations for non-renewal and non-response); {@code EN_LIGNE}: the applicant, through the one-time link of
 * a renewal notice; {@code CONNEXION}: the login layer itself, when the channel did not say which it is (a lock after
 * failed logins on the SSH console or the broker); {@code WEB}: the staff's web application (back-office) served by
 * the hub.
 */
public enum Canal {
    REST, SOAP, ERP, CONSOLE, IMPORT, NATIONAL, CAMPAGNE, EN_LIGNE, CONNEXION, WEB
}
