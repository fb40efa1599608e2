/**
 * P7 inspection: any certificate, key, CSR, CRL or PKCS#12 file decoded into plain records
 * ({@link io.mtlslab.pki.inspect.InspectedFile} and the details it holds) that the GUI renders and
 * the CLI prints as text or JSON. Entry point: {@link io.mtlslab.pki.inspect.Inspector#inspect}.
 */
package io.mtlslab.pki.inspect;
