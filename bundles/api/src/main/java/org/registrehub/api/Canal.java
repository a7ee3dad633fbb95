package org.registrehub.api;

/** The channel through which an operation reached the hub; recorded with every change. */
public enum Canal {
    REST, SOAP, ERP, CONSOLE, IMPORT, NATIONAL
}
