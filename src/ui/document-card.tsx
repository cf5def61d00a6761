import { useId } from 'react';
import { t, type Lang, type LocalizedText } from '../domain/text';
import type { DocumentKind, Person, PersonDocument, PersonName } from '../domain/types';

/** Props of DocumentCard. */
export interface DocumentCardProps {
  doc: PersonDocument;
  /** Who handed the document over (fills fields the document itself does not state, such as the UMF). */
  holder: Person;
  lang: Lang;
}

const TITLES: Record<DocumentKind, LocalizedText> = {
  ine: t('Credencial para votar (INE)', 'Voter ID card (INE)'),
  passport: t('Pasaporte', 'Passport'),
  'curp-certificate': t('Constancia de la CURP', 'CURP certificate'),
  'birth-certificate': t('Acta de nacimiento', 'Birth certificate'),
  'imss-card': t('Carnet del IMSS', 'IMSS card'),
  'issste-card': t('Credencial del ISSSTE', 'ISSSTE card'),
  'insurance-card': t('Tarjeta de seguro de gastos médicos', 'Health insurance card'),
  'authorization-letter': t('Carta de autorización', 'Authorisation letter'),
  referral: t('Hoja de referencia', 'Referral'),
  prescription: t('Receta médica', 'Prescription'),
  'tax-certificate': t('Constancia de situación fiscal', 'Tax status certificate'),
};

const ISSUERS: Partial<Record<DocumentKind, LocalizedText>> = {
  ine: t('Instituto Nacional Electoral', 'National Electoral Institute'),
  'curp-certificate': t('Registro Nacional de Población (RENAPO)', 'National Population Registry (RENAPO)'),
  'imss-card': t('Instituto Mexicano del Seguro Social', 'Mexican Social Security Institute'),
  'issste-card': t('ISSSTE', 'ISSSTE'),
  'tax-certificate': t('Servicio de Administración Tributaria (SAT)', 'Tax Administration Service (SAT)'),
  passport: t('Secretaría de Relaciones Exteriores', 'Ministry of Foreign Affairs'),
  'birth-certificate': t('Registro Civil', 'Civil Registry'),
};

const L = {
  name: t('Nombre', 'Name'),
  curp: t('CURP', 'CURP'),
  birth: t('Fecha de nacimiento', 'Date of birth'),
  sex: t('Sexo', 'Sex'),
  address: t('Domicilio', 'Address'),
  nss: t('Número de Seguridad Social (NSS)', 'Social security number (NSS)'),
  umf: t('Unidad de Medicina Familiar', 'Family medicine unit'),
  insurer: t('Aseguradora', 'Insurer'),
  policy: t('Póliza', 'Policy'),
  rfc: t('RFC', 'RFC'),
  postalCode: t('Código postal fiscal', 'Tax postal code'),
  regime: t('Régimen fiscal', 'Tax regime'),
  expires: t('Vigencia', 'Valid until'),
  note: t('Indicaciones', 'Notes'),
  watermark: t('SIMULACIÓN', 'SIMULATION'),
  fictional: t('Documento ficticio para capacitación', 'Fictional document for training'),
  handedBy: t('Entregado por', 'Handed over by'),
};

const SEX: Record<string, LocalizedText> = { H: t('H (hombre)', 'H (male)'), M: t('M (mujer)', 'M (female)'), X: t('X (no binario)', 'X (non-binary)') };

/** A Mexican name as printed on IDs: surnames first, in capitals. */
export const printedName = (name: PersonName): string => [name.first, name.second, name.given].filter(Boolean).join(' ').toLocaleUpperCase('es-MX');

/** A name as said at the desk: given name first. */
export const spokenName = (name: PersonName): string => [name.given, name.first, name.second].filter(Boolean).join(' ');

/** DD/MM/AAAA, as Mexican documents print dates. */
const printedDate = (iso: string): string => {
  const [y, m, d] = iso.split('-');
  return y && m && d ? `${d}/${m}/${y}` : iso;
};

/**
 * A document the person hands over, drawn to resemble the real one (layout, issuer, fields) and
 * marked SIMULACIÓN. Values come from the document itself, which may differ from the truth on
 * purpose: the trainee is meant to compare. Accessible as a figure with a caption and the values
 * as a description list.
 */
export function DocumentCard({ doc, holder, lang }: DocumentCardProps) {
  const captionId = useId();
  const rows: Array<[LocalizedText, string]> = [];
  const add = (label: LocalizedText, value: string | number | undefined) => {
    if (value !== undefined && value !== '') rows.push([label, String(value)]);
  };
  if (doc.kind !== 'prescription' && doc.kind !== 'referral') add(L.name, doc.name ? printedName(doc.name) : undefined);
  else add(L.name, doc.name ? spokenName(doc.name) : undefined);
  add(L.curp, doc.curp);
  add(L.birth, doc.birth ? printedDate(doc.birth) : undefined);
  add(L.sex, doc.sex ? SEX[doc.sex]?.[lang] : undefined);
  add(L.address, doc.address);
  add(L.nss, doc.nss);
  if (doc.kind === 'imss-card') add(L.umf, holder.coverage?.umf);
  add(L.insurer, doc.insurer);
  add(L.policy, doc.policy);
  add(L.rfc, doc.rfc);
  add(L.postalCode, doc.postalCode);
  add(L.regime, doc.regime);
  add(L.expires, doc.expires ? printedDate(doc.expires) : undefined);
  add(L.note, doc.note?.[lang]);
  const issuer = doc.kind === 'insurance-card' ? doc.insurer : ISSUERS[doc.kind]?.[lang];
  return (
    <figure className={`doc-card doc-card--${doc.kind}`} aria-labelledby={captionId}>
      <div className="doc-card__band">
        <span className="doc-card__issuer">{issuer ?? TITLES[doc.kind][lang]}</span>
        <span className="doc-card__country">{lang === 'en' ? 'MEXICO' : 'MÉXICO'}</span>
      </div>
      <div className="doc-card__body">
        {(doc.kind === 'ine' || doc.kind === 'passport' || doc.kind === 'imss-card' || doc.kind === 'issste-card') && (
          <div className="doc-card__photo" aria-hidden="true" />
        )}
        <dl className="doc-card__fields">
          {rows.map(([label, value]) => (
            <div key={label.en} className="doc-card__field">
              <dt>{label[lang]}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </div>
      {/* Drawn by CSS from the attribute: decoration, not text (the caption says it is fictional). */}
      <span className="doc-card__watermark" aria-hidden="true" data-text={L.watermark[lang]} />
      <figcaption id={captionId} className="doc-card__caption">
        {TITLES[doc.kind][lang]}
        <span className="doc-card__fine">
          {' — '}
          {L.handedBy[lang]} {spokenName(holder.name)}. {L.fictional[lang]}.
        </span>
      </figcaption>
    </figure>
  );
}
