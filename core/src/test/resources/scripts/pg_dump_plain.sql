--
-- PostgreSQL database dump (the shape pg_dump --format=plain writes, data as COPY blocks)
--

\restrict Xq4yV9lS2dX0nN2dV1uP3oC8aY2pC1qY

SET statement_timeout = 0;
SET lock_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET client_min_messages = warning;

CREATE FUNCTION public.slugify(value text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    AS $$
BEGIN
    RETURN lower(regexp_replace(value, '[^a-zA-Z0-9]+', '-', 'g'));  -- a ; inside a body
END;
$$;

CREATE FUNCTION public.double_it(x integer) RETURNS integer
    LANGUAGE sql IMMUTABLE
BEGIN ATOMIC
 SELECT (x * 2);
END;

CREATE TABLE public.authors (
    id integer NOT NULL,
    name text NOT NULL,
    bio text
);

CREATE TABLE public.books (
    id integer NOT NULL,
    author_id integer NOT NULL,
    title text NOT NULL,
    pages integer
);

CREATE SEQUENCE public.books_id_seq AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;

--
-- Data for Name: authors; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.authors (id, name, bio) FROM stdin;
1	Ursula K. Le Guin	Wrote; among others, "The Dispossessed"
2	Stanisław Lem	\N
3	Tab\tand newline\nin a name	a back\\slash
\.


--
-- Data for Name: books; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.books (id, author_id, title, pages) FROM stdin;
1	1	The Left Hand of Darkness	304
2	1	The Dispossessed	387
3	2	Solaris	204
\.


SELECT pg_catalog.setval('public.books_id_seq', 3, true);

ALTER TABLE ONLY public.authors
    ADD CONSTRAINT authors_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.books
    ADD CONSTRAINT books_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.books
    ADD CONSTRAINT books_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.authors(id);

--
-- PostgreSQL database dump complete
--

\unrestrict Xq4yV9lS2dX0nN2dV1uP3oC8aY2pC1qY
